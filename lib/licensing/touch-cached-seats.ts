import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { relaxedCommit } from "../db/relaxed-commit";
import { Prisma, type Activation } from "../generated/prisma/client";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";
import { licenseDigestSql } from "./license-cache";

export type TTouch = { key: string; digest: string; fingerprint: string; now: Date; appVersion?: string; platform?: string; ip?: string | null };
export type TTouched = { activation: Activation | null; used: number; digest: string | null };

/**
 * A node-locked heartbeat for a license this instance has cached: touches the device's seat only if
 * the license rows still have the cached digest, and counts the seats in use, in one statement shared
 * by every heartbeat of the same event-loop turn. `digest` comes back as the rows have it now (null
 * when no license has the key): when it differs from the one given, nothing was touched.
 *
 * Seats are locked in id order before they are updated, so batches in flight at the same time (on
 * this or another instance) can't deadlock; the same device twice in one batch is touched once.
 * The commit does not wait for the disk (`relaxedCommit`): what it writes, the next heartbeat writes
 * again, and a flush per batch put every heartbeat behind the disk (at 350 heartbeats/s, ~290 WAL
 * fsyncs/s; the slowest heartbeats were waiting for one).
 */
export function touchCachedSeat(touch: TTouch): Promise<TTouched> {
  return touchBatched(touch);
}

type TRow = Activation & { __lic_i: bigint | number; __digest: string; __seatsInUse: number };

const touchBatched = batcher(async (touches: TTouch[]): Promise<TTouched[]> => {
  const slot = new Map<string, number>();
  const unique: TTouch[] = [];
  const slotOf = touches.map((t) => {
    const id = `${t.key}\u0000${t.fingerprint}`;
    if (!slot.has(id)) slot.set(id, unique.push(t));
    return slot.get(id)!;
  });
  const col = <K extends keyof TTouch>(k: K) => unique.map((t) => (t[k] ?? null) as TTouch[K] | null);
  const rows = await db.$queryRaw<TRow[]>`
    WITH input AS (
      SELECT * FROM unnest(${col("key")}::text[], ${col("digest")}::text[], ${col("fingerprint")}::text[],
        ${unique.map((t) => t.now.toISOString())}::text[], ${col("appVersion")}::text[], ${col("platform")}::text[], ${col("ip")}::text[])
        WITH ORDINALITY AS u("key", "digest", "fp", "now", "app", "plat", "ip", "i")
    ),
    lic AS (SELECT input."i", d."id", d."digest" FROM input JOIN LATERAL (${licenseDigestSql(Prisma.sql`input."key"`)}) d ON true),
    locked AS (
      SELECT a."id", input."i" FROM input
      JOIN lic ON lic."i" = input."i" AND lic."digest" = input."digest"
      JOIN "Activation" a ON a."licenseId" = lic."id" AND a."fingerprint" = input."fp" AND a."deactivatedAt" IS NULL
      ORDER BY a."id" FOR UPDATE OF a
    ),
    touched AS (
      UPDATE "Activation" a SET "lastSeenAt" = input."now"::timestamptz,
        "appVersion" = COALESCE(input."app", a."appVersion"),
        "platform" = COALESCE(input."plat", a."platform"),
        "ip" = COALESCE(input."ip", a."ip")
      FROM locked JOIN input ON input."i" = locked."i"
      WHERE a."id" = locked."id"
      RETURNING locked."i" AS "__touched_i", ${activationColumns("a")}
    )
    SELECT t.*, lic."i" AS "__lic_i", lic."digest" AS "__digest",
      ${seatsInUseSql(Prisma.sql`lic."id"`, Prisma.sql`input."now"::timestamptz`)} AS "__seatsInUse"
    FROM ${relaxedCommit} relaxed CROSS JOIN lic JOIN input ON input."i" = lic."i"
    LEFT JOIN touched t ON t."__touched_i" = lic."i"`;
  const bySlot = new Map<number, TTouched>();
  for (const row of rows) {
    const i = Number(row.__lic_i);
    if (bySlot.get(i)?.activation) continue; // a device with two active rows: the first answers
    const { __lic_i: _l, __digest: digest, __seatsInUse: used, __touched_i: _t, ...activation } = row as TRow & { __touched_i: unknown };
    bySlot.set(i, { activation: activation.id ? (activation as Activation) : null, used, digest });
  }
  return slotOf.map((i) => bySlot.get(i) ?? { activation: null, used: 0, digest: null });
});
