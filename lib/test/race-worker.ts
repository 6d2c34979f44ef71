// A separate OS process for seat races: its own Prisma client and connection pool on DATABASE_URL.
// Usage: race-worker <key> <fingerprint-prefix> <count>; prints one JSON line of outcome counts.
import { ApiError } from "../api/errors";

const [key, prefix, countArg] = process.argv.slice(2);
const { activateSeat } = await import("../licensing/activate-seat");
const { db } = await import("../db");
const outcomes: Record<string, number> = {};
await Promise.all(
  Array.from({ length: Number(countArg) }, async (_, i) => {
    const fingerprint = prefix === "same" ? "same-device" : `${prefix}-${i}`;
    try {
      const result = await activateSeat({ key: key!, fingerprint }, { actor: { type: "LICENSE_KEY" }, ip: "127.0.0.1" });
      const k = result.created ? "created" : "existing";
      outcomes[k] = (outcomes[k] ?? 0) + 1;
    } catch (error) {
      const k = error instanceof ApiError ? error.code : `ERROR:${String(error)}`;
      outcomes[k] = (outcomes[k] ?? 0) + 1;
    }
  }),
);
await db.$disconnect();
console.log(JSON.stringify(outcomes));
