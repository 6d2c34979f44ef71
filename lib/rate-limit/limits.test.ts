import { afterEach, describe, expect, it } from "vitest";
import { limitFor } from "./limits";

const saved = { all: process.env.SEATWISE_RATE_LIMITS, ip: process.env.SEATWISE_RATE_LIMIT_CLIENT_IP };

afterEach(() => {
  for (const [name, value] of [["SEATWISE_RATE_LIMITS", saved.all], ["SEATWISE_RATE_LIMIT_CLIENT_IP", saved.ip]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("limitFor", () => {
  it("follows the environment when it changes between calls", () => {
    delete process.env.SEATWISE_RATE_LIMITS;
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "100/60";
    expect(limitFor("client-ip")).toMatchObject({ points: 100, seconds: 60 });
    expect(limitFor("client-ip")).toMatchObject({ points: 100, seconds: 60 });
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "7/10";
    expect(limitFor("client-ip")).toMatchObject({ points: 7, seconds: 10 });
    process.env.SEATWISE_RATE_LIMITS = "off";
    expect(limitFor("client-ip")).toBeNull();
    delete process.env.SEATWISE_RATE_LIMITS;
    expect(limitFor("client-ip")).toMatchObject({ points: 7, seconds: 10 });
  });

  it("reads an explicit environment without touching the process's", () => {
    expect(limitFor("client-key", { SEATWISE_RATE_LIMIT_CLIENT_KEY: "5/1" })).toMatchObject({ points: 5, seconds: 1 });
    expect(limitFor("client-key", { SEATWISE_RATE_LIMITS: "off" })).toBeNull();
  });

  it("refuses a malformed value every time it is asked, naming the variable", () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "lots";
    expect(() => limitFor("client-ip")).toThrow(/SEATWISE_RATE_LIMIT_CLIENT_IP/);
    expect(() => limitFor("client-ip")).toThrow(/SEATWISE_RATE_LIMIT_CLIENT_IP/);
  });
});
