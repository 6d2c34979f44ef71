import "server-only";
import { randomBytes } from "node:crypto";
import type { TDb } from "../db";

export type TLargeSeedOptions = {
  licenses: number;
  activationsPerLicense: number;
  organizations: number;
  batch: number;
  /** Id prefix; random by default. A fixed tag (the benchmark's) lets a caller find its data set again. */
  tag?: string;
  log?: (line: string) => void;
};

const PLATFORMS = ["win32", "darwin", "linux"];

/**
 * Bulk data for performance work: set-based INSERT … SELECT generate_series statements, batched so
 * neither PGlite's WASM heap nor PostgreSQL's WAL sees one giant statement. Ids carry a per-run tag, so
 * running it twice adds a second batch instead of colliding. Every license gets a current billing
 * period (plus a closed one for every fourth license), activations are counted as consumed seats of
 * the current period exactly as the API would (PeriodUsage rows + seatsConsumed), and
 * license.created / activation.created events are written like the real flows write them.
 */
export async function seedLarge(db: TDb, options: TLargeSeedOptions) {
  const log = options.log ?? (() => {});
  const tag = options.tag ?? `sl${randomBytes(3).toString("hex")}`;
  const { licenses, organizations, batch } = options;
  const activations = licenses * options.activationsPerLicense;
  const sql = (text: string) => db.$executeRawUnsafe(text);
  // The rows are consistent by construction, so a superuser skips the per-row foreign-key checks: each
  // one takes a FOR KEY SHARE lock that rewrites the referenced row, which doubles the pages written.
  const superuser = (await db.$queryRawUnsafe<{ s: boolean }[]>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`))[0]?.s === true;
  const bulk = (text: string) =>
    superuser ? db.$transaction([db.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`), db.$executeRawUnsafe(text)]) : sql(text);
  // PGlite runs no background writer or checkpointer: without a checkpoint between stages every page the
  // next stage evicts is written (and its WAL flushed) one at a time, and a 100k seed crawls for hours.
  const checkpoint = () => sql("CHECKPOINT").catch(() => undefined);
  const inBatches = async (label: string, total: number, statement: (from: number, to: number) => string) => {
    for (let from = 1; from <= total; from += batch) {
      const to = Math.min(total, from + batch - 1);
      await bulk(statement(from, to));
      log(`${label}: ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
    }
    await checkpoint();
  };
  // PGlite has no autovacuum: without fresh statistics later stages get planned as if the tables were empty.
  const analyze = (table: string) => sql(`ANALYZE "${table}"`);

  await sql(`INSERT INTO "Product" ("id", "name", "code", "createdAt", "updatedAt")
    SELECT '${tag}R' || i, 'Load Product ' || i, '${tag}-product-' || i, now(), now() FROM generate_series(1, 5) i`);
  await sql(`INSERT INTO "Policy" ("id", "productId", "name", "model", "seats", "durationDays", "createdAt", "updatedAt")
    SELECT '${tag}Y' || i, '${tag}R' || (1 + i % 5), CASE WHEN i % 2 = 0 THEN 'Floating ' ELSE 'Team ' END || (5 * i) || ' seats',
      (CASE WHEN i % 2 = 0 THEN 'FLOATING' ELSE 'NODE_LOCKED' END)::"LicenseModel", 5 * i, 365, now(), now()
    FROM generate_series(1, 10) i`);
  await inBatches("organizations", organizations, (a, b) => `INSERT INTO "Organization" ("id", "name", "createdAt", "updatedAt")
    SELECT '${tag}O' || i, 'Customer ' || i || ' ' || (ARRAY['Labs','Systems','GmbH','Inc.','Studio','Group'])[1 + i % 6], now() - (i % 900) * interval '1 day', now()
    FROM generate_series(${a}, ${b}) i`);

  // Licenses: a spread of expiries (some expired, some perpetual), suspensions, seat overrides and thresholds.
  await analyze("Organization");
  await inBatches("licenses", licenses, (a, b) => `INSERT INTO "License" ("id", "key", "policyId", "organizationId", "name", "status", "seats",
      "startsAt", "expiresAt", "seatAlertThreshold", "createdAt", "updatedAt")
    SELECT '${tag}L' || i,
      regexp_replace(upper(substr(md5('${tag}' || i), 1, 30)), '(.{5})(?!$)', '\\1-', 'g'),
      '${tag}Y' || (1 + i % 10), '${tag}O' || (1 + i % ${organizations}),
      'License ' || i,
      (CASE WHEN i % 50 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"LicenseStatus",
      CASE WHEN i % 3 = 0 THEN 5 + i % 46 ELSE NULL END,
      now() - (i % 700) * interval '1 day',
      CASE WHEN i % 17 = 0 THEN NULL ELSE now() + ((i % 730) - 60) * interval '1 day' END,
      CASE WHEN i % 5 = 0 THEN 4 ELSE NULL END,
      now() - (i % 700) * interval '1 day', now()
    FROM generate_series(${a}, ${b}) i`);
  await analyze("License");
  await inBatches("billing periods", licenses, (a, b) => `INSERT INTO "BillingPeriod" ("id", "licenseId", "startsAt", "endsAt", "seatsConsumed", "closedAt", "createdAt")
    SELECT '${tag}P' || i, l."id", l."startsAt", l."expiresAt", 0, NULL, l."startsAt" FROM generate_series(${a}, ${b}) i JOIN "License" l ON l."id" = '${tag}L' || i
    UNION ALL
    SELECT '${tag}Q' || i, l."id", l."startsAt" - interval '365 days', l."startsAt", 1 + i % 9, l."startsAt", l."startsAt" - interval '365 days'
    FROM generate_series(${a}, ${b}) i JOIN "License" l ON l."id" = '${tag}L' || i WHERE i % 4 = 0`);
  await analyze("BillingPeriod");
  await inBatches("current periods", licenses, (a, b) => `UPDATE "License" SET "currentPeriodId" = '${tag}P' || substr("id", ${tag.length + 2})
    WHERE "id" IN (SELECT '${tag}L' || i FROM generate_series(${a}, ${b}) i)`);

  // Activations spread over the licenses; every tenth is deactivated. Active ones were seen recently.
  await analyze("License");
  await inBatches("activations", activations, (a, b) => `INSERT INTO "Activation" ("id", "licenseId", "fingerprint", "friendlyName", "hostname", "platform",
      "appVersion", "ip", "createdAt", "lastSeenAt", "deactivatedAt", "lastPeriodId")
    SELECT '${tag}A' || j, '${tag}L' || (1 + (j - 1) % ${licenses}), md5('${tag}fp' || j),
      'Workstation ' || j, 'host-' || j, (ARRAY['${PLATFORMS.join("','")}'])[1 + j % 3], '2.' || (j % 7) || '.' || (j % 13),
      '10.' || (j % 250) || '.' || (j / 250 % 250) || '.' || (1 + j % 200),
      now() - (j % 300) * interval '1 day', now() - (j % 20) * interval '1 hour',
      CASE WHEN j % 10 = 0 THEN now() - (j % 30) * interval '1 day' ELSE NULL END,
      '${tag}P' || (1 + (j - 1) % ${licenses})
    FROM generate_series(${a}, ${b}) j`);
  await analyze("Activation");
  await inBatches("period usage", activations, (a, b) => `INSERT INTO "PeriodUsage" ("periodId", "activationId", "firstSeenAt")
    SELECT '${tag}P' || (1 + (j - 1) % ${licenses}), '${tag}A' || j, now() - (j % 20) * interval '1 hour'
    FROM generate_series(${a}, ${b}) j WHERE j % 10 <> 0`);
  await analyze("PeriodUsage");
  await inBatches("consumed counts", licenses, (a, b) => `UPDATE "BillingPeriod" bp SET "seatsConsumed" = u.n
    FROM (SELECT "periodId", count(*)::int AS n FROM "PeriodUsage"
          WHERE "periodId" IN (SELECT '${tag}P' || i FROM generate_series(${a}, ${b}) i) GROUP BY "periodId") u
    WHERE bp."id" = u."periodId"`);

  await analyze("BillingPeriod");
  await inBatches("license events", licenses, (a, b) => `INSERT INTO "Event" ("id", "createdAt", "actorType", "actorLabel", "action", "licenseId", "organizationId", "data")
    SELECT '${tag}E' || i, l."createdAt", 'SYSTEM', 'seed:large', 'license.created', l."id", l."organizationId", jsonb_build_object('seed', true)
    FROM generate_series(${a}, ${b}) i JOIN "License" l ON l."id" = '${tag}L' || i`);
  await inBatches("activation events", activations, (a, b) => `INSERT INTO "Event" ("id", "createdAt", "actorType", "actorLabel", "action", "licenseId", "activationId", "ip", "data")
    SELECT '${tag}V' || j, a."createdAt", 'LICENSE_KEY', NULL, 'activation.created', a."licenseId", a."id", a."ip", jsonb_build_object('fingerprint', a."fingerprint")
    FROM generate_series(${a}, ${b}) j JOIN "Activation" a ON a."id" = '${tag}A' || j WHERE j % 3 = 0`);
  await analyze("Event");
  return { tag, licenses, activations, organizations };
}
