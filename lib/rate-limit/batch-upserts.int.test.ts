import { describe, expect, it } from "vitest";
import { db } from "../db";
import { upsertCounter } from "./batch-upserts";

const inAMinute = () => new Date(Date.now() + 60_000);

describe("upsertCounter", () => {
  it("gives each of many same-tick callers the count it would have seen one after another", async () => {
    const key = `test:same:${Date.now()}`;
    const other = `test:other:${Date.now()}`;
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => upsertCounter(key, 1, inAMinute())),
      upsertCounter(other, 3, inAMinute()),
      upsertCounter(key, 2, inAMinute()),
    ]);
    expect(results.slice(0, 20).map((r) => r.points)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results[20]!.points).toBe(3);
    expect(results[21]!.points).toBe(22);
    expect((await db.rateLimiterFlexible.findUniqueOrThrow({ where: { key } })).points).toBe(22);
    // The next turn's batch continues from there.
    expect((await upsertCounter(key, 1, inAMinute())).points).toBe(23);
  });

  it("starts a new window when the stored one has ended, keeping the expiry it was given", async () => {
    const key = `test:expired:${Date.now()}`;
    await db.rateLimiterFlexible.create({ data: { key, points: 99, expire: new Date(Date.now() - 1_000) } });
    const expire = inAMinute();
    const [a, b] = await Promise.all([upsertCounter(key, 1, expire), upsertCounter(key, 1, expire)]);
    expect([a.points, b.points]).toEqual([1, 2]);
    expect(a.expire?.getTime()).toBe(expire.getTime());
    // A window still running keeps its own expiry.
    const later = await upsertCounter(key, 1, new Date(Date.now() + 3_600_000));
    expect(later).toEqual({ points: 3, expire });
  });

  it("counts without an expiry (a limit with no window)", async () => {
    const key = `test:forever:${Date.now()}`;
    expect(await upsertCounter(key, 5, null)).toEqual({ points: 5, expire: null });
    expect(await upsertCounter(key, 1, null)).toEqual({ points: 6, expire: null });
  });
});
