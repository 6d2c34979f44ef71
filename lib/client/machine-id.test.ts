import { describe, expect, it } from "vitest";
import { hardwareFallback, machineFingerprint } from "./machine-id";

describe("machineFingerprint", () => {
  const fixed = (value: string | null) => async () => (value ? { source: "linux-machine-id" as const, value } : null);

  it("is a stable SHA-256 hex of the machine id, scoped by the app's salt", async () => {
    const a = await machineFingerprint({ salt: "com.acme.editor", readMachineId: fixed("0123456789abcdef0123456789abcdef\n") });
    const b = await machineFingerprint({ salt: "com.acme.editor", readMachineId: fixed("0123456789ABCDEF0123456789ABCDEF") });
    const other = await machineFingerprint({ salt: "com.other.app", readMachineId: fixed("0123456789abcdef0123456789abcdef") });
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toEqual(b);
    expect(other.fingerprint).not.toBe(a.fingerprint);
    expect(a.fingerprint).not.toContain("0123456789abcdef");
  });

  it("falls back to hardware properties when the OS id is unavailable", async () => {
    const first = await machineFingerprint({ salt: "s", readMachineId: fixed(null) });
    const second = await machineFingerprint({ salt: "s", readMachineId: async () => Promise.reject(new Error("denied")) });
    expect(first.source).toBe("hardware-fallback");
    expect(first).toEqual(second);
    expect(hardwareFallback()).toContain("|");
  });

  it("reads the real OS id on this machine and gives the same code twice", async () => {
    const first = await machineFingerprint({ salt: "s" });
    expect(await machineFingerprint({ salt: "s" })).toEqual(first);
  });

  it("needs a salt", async () => {
    await expect(machineFingerprint({ salt: "" })).rejects.toThrow(/salt/);
  });
});
