// Statements are prepared once per connection. A rolling deploy migrates the database while the old
// version still serves: a column added then must not break the old version's prepared statements.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { makeLicense } from "@/lib/test/factories";
import { activateSeat } from "./activate-seat";
import { deactivateSeat } from "./deactivate-seat";
import { heartbeatSeat } from "./heartbeat-seat";
import { validateSeat } from "./validate-seat";

const ctx = (): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.8" });

describe("a column added while the app runs", () => {
  it("leaves validate, heartbeat, activation and deactivation working", async () => {
    const { key } = await makeLicense({ license: { seats: 5 } });
    await activateSeat({ key, fingerprint: "fp-1" }, ctx());
    // Prepare every hot statement (sequential calls reuse the same pooled connection).
    for (let i = 0; i < 3; i++) {
      expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("VALID");
      await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx());
    }
    await db.$executeRawUnsafe(`ALTER TABLE "Activation" ADD COLUMN "addedByANewerVersion" text`);
    try {
      expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("VALID");
      expect((await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx())).activation.fingerprint).toBe("fp-1");
      await activateSeat({ key, fingerprint: "fp-2" }, ctx());
      await deactivateSeat({ key, fingerprint: "fp-2" }, ctx());
      expect((await validateSeat({ key, fingerprint: "fp-2" }, ctx())).code).toBe("NOT_ACTIVATED");
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Activation" DROP COLUMN "addedByANewerVersion"`);
    }
  });
});
