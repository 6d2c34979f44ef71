import "server-only";
import type { TDb } from "../db";

export type TLargeSeedOptions = {
  licenses: number;
  /** Activations per license: active seats on node-locked licenses, released leases on floating ones (every 10th). */
  activationsPerLicense: number;
  /** Id prefix, so several data sets can live side by side (e.g. "bench"). */
  prefix?: string;
  batch?: number;
  log?: (line: string) => void;
};

/**
 * Bulk data for load tests and the console at scale: organizations, licenses with billing periods,
 * activations and their audit events, generated inside the database with generate_series (seconds,
 * not hours, on both PGlite and PostgreSQL). Keys are derived from md5 of the row number: valid
 * Crockford characters (0-9, A-F), deterministic so a benchmark can find them again.
 */
export async function seedLarge(db: TDb, options: TLargeSeedOptions) {
  const p = options.prefix ?? "large";
  const batch = options.batch ?? 20_000;
  const log = options.log ?? (() => {});
  const perLicense = options.activationsPerLicense;
  await db.$executeRawUnsafe(
    `INSERT INTO "Product" ("id","name","code","createdAt","updatedAt") VALUES ($1, 'Load Test Product', $1, now(), now()) ON CONFLICT DO NOTHING`,
    `${p}-product`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Policy" ("id","productId","name","model","seats","durationDays","leaseDurationSeconds","createdAt","updatedAt")
     VALUES ($1, $3, 'Load Test Node-locked', 'NODE_LOCKED', 5, 365, 3600, now(), now()),
            ($2, $3, 'Load Test Floating', 'FLOATING', 5, 365, 600, now(), now())
     ON CONFLICT DO NOTHING`,
    `${p}-policy-nl`,
    `${p}-policy-fl`,
    `${p}-product`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Organization" ("id","name","createdAt","updatedAt")
     SELECT $1 || '-org-' || i, 'Customer ' || i || ' ' || (ARRAY['Industries','Labs','Systems','GmbH','Holdings'])[1 + i % 5], now(), now()
     FROM generate_series(0, 999) AS i ON CONFLICT DO NOTHING`,
    p,
  );
  for (let start = 1; start <= options.licenses; start += batch) {
    const end = Math.min(options.licenses, start + batch - 1);
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO "License" ("id","key","policyId","organizationId","name","status","seats","startsAt","expiresAt","createdAt","updatedAt")
         SELECT $1 || '-lic-' || i,
                upper(substr(h,1,5) || '-' || substr(h,6,5) || '-' || substr(h,11,5) || '-' || substr(h,16,5) || '-' || substr(h,21,5) || '-' || substr(h,26,5)),
                CASE WHEN i % 10 = 0 THEN $1 || '-policy-fl' ELSE $1 || '-policy-nl' END,
                $1 || '-org-' || (i % 1000),
                'Load license ' || i,
                CASE WHEN i % 50 = 0 THEN 'SUSPENDED'::"LicenseStatus" ELSE 'ACTIVE'::"LicenseStatus" END,
                5,
                now() - interval '30 days',
                now() + ((i % 400) - 20) * interval '1 day',
                now() - i * interval '1 second',
                now()
         FROM (SELECT i, md5($1 || '-key-' || i) AS h FROM generate_series($2::int, $3::int) AS i) s`,
        p,
        start,
        end,
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO "BillingPeriod" ("id","licenseId","startsAt","endsAt","seatsConsumed","createdAt")
         SELECT $1 || '-per-' || i, $1 || '-lic-' || i, now() - interval '30 days', now() + ((i % 400) - 20) * interval '1 day',
                $4::int, now()
         FROM generate_series($2::int, $3::int) AS i`,
        p,
        start,
        end,
        perLicense,
      );
      await tx.$executeRawUnsafe(
        `UPDATE "License" SET "currentPeriodId" = $1 || '-per-' || substr("id", length($1 || '-lic-') + 1)
         WHERE "id" IN (SELECT $1 || '-lic-' || i FROM generate_series($2::int, $3::int) AS i)`,
        p,
        start,
        end,
      );
      if (perLicense > 0) {
        await tx.$executeRawUnsafe(
          `INSERT INTO "Activation" ("id","licenseId","fingerprint","friendlyName","hostname","platform","appVersion","createdAt","lastSeenAt","lastPeriodId","leaseExpiresAt","deactivatedAt","deactivatedBy")
           SELECT $1 || '-act-' || i || '-' || j, $1 || '-lic-' || i, 'fp-' || i || '-' || j, 'Workstation ' || i || '-' || j,
                  'host-' || i || '-' || j, (ARRAY['win32','darwin','linux'])[1 + j % 3], '3.' || (i % 7) || '.0',
                  now() - interval '20 days', now() - (i % 45) * interval '1 day', $1 || '-per-' || i,
                  CASE WHEN i % 10 = 0 THEN now() - interval '1 day' END,
                  CASE WHEN i % 10 = 0 THEN now() - interval '1 day' END,
                  CASE WHEN i % 10 = 0 THEN 'LEASE_EXPIRED' END
           FROM generate_series($2::int, $3::int) AS i, generate_series(1, $4::int) AS j`,
          p,
          start,
          end,
          perLicense,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "PeriodUsage" ("periodId","activationId","firstSeenAt")
           SELECT $1 || '-per-' || i, $1 || '-act-' || i || '-' || j, now() - interval '20 days'
           FROM generate_series($2::int, $3::int) AS i, generate_series(1, $4::int) AS j`,
          p,
          start,
          end,
          perLicense,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "Event" ("id","createdAt","actorType","action","licenseId","activationId","organizationId","ip","data")
           SELECT $1 || '-ev-' || i || '-' || j, now() - interval '20 days', 'LICENSE_KEY', 'activation.created',
                  $1 || '-lic-' || i, $1 || '-act-' || i || '-' || j, $1 || '-org-' || (i % 1000), '10.0.' || (i % 250) || '.' || j,
                  jsonb_build_object('fingerprint', 'fp-' || i || '-' || j)
           FROM generate_series($2::int, $3::int) AS i, generate_series(1, $4::int) AS j`,
          p,
          start,
          end,
          perLicense,
        );
      }
    }, { timeout: 600_000, maxWait: 60_000 });
    log(`  licenses ${end.toLocaleString("en")} / ${options.licenses.toLocaleString("en")}`);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
}

/** The deterministic key of seeded license number i (same formula as the SQL above). */
export function largeSeedKey(md5hex: string): string {
  return md5hex.toUpperCase().slice(0, 30).match(/.{5}/g)!.join("-");
}
