// Times the console's list queries on a throwaway embedded database with 100,000 licenses and
// 300,000 activations: `node --conditions=react-server --import tsx lib/cli/bench-console.ts`.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.SEATWISE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "seatwise-bench-"));
delete process.env.DATABASE_URL;
const { openDatabase } = await import("./open-database");
const database = await openDatabase({ log: false });
const db = database.client;

const LICENSES = Number(process.env.BENCH_LICENSES || 100_000);
console.log(`seeding ${LICENSES} licenses, ${LICENSES * 3} activations…`);
await db.$executeRawUnsafe(`INSERT INTO "Product" (id, name, code, "updatedAt") VALUES ('prod', 'Bench', 'bench', now())`);
await db.$executeRawUnsafe(`INSERT INTO "Policy" (id, "productId", name, seats, "updatedAt") VALUES ('pol', 'prod', 'Bench policy', 5, now())`);
await db.$executeRawUnsafe(`INSERT INTO "Organization" (id, name, "updatedAt") SELECT 'org' || g, 'Customer ' || g, now() FROM generate_series(1, ${LICENSES / 10}) g`);
await db.$executeRawUnsafe(`INSERT INTO "License" (id, key, "policyId", "organizationId", name, "expiresAt", "seatAlertThreshold", "createdAt", "updatedAt")
  SELECT 'lic' || g, upper(substr(md5(g::text), 1, 30)), 'pol', 'org' || (1 + g % ${LICENSES / 10}), 'License ' || g,
         now() + ((g % 400) || ' days')::interval, CASE WHEN g % 7 = 0 THEN 2 END, now() - (g || ' seconds')::interval, now()
  FROM generate_series(1, ${LICENSES}) g`);
await db.$executeRawUnsafe(`INSERT INTO "BillingPeriod" (id, "licenseId", "startsAt", "seatsConsumed") SELECT 'bp' || g, 'lic' || g, now(), g % 6 FROM generate_series(1, ${LICENSES}) g`);
await db.$executeRawUnsafe(`UPDATE "License" SET "currentPeriodId" = 'bp' || substr(id, 4)`);
await db.$executeRawUnsafe(`INSERT INTO "Activation" (id, "licenseId", fingerprint, "deactivatedAt")
  SELECT 'act' || g, 'lic' || (1 + g % ${LICENSES}), 'fp' || g, CASE WHEN g % 5 = 0 THEN now() END FROM generate_series(1, ${LICENSES * 3}) g`);
await db.$executeRawUnsafe(`ANALYZE`);

const { listLicenses } = await import("../admin/list-licenses");
const { dashboardStats } = await import("../console/dashboard-stats");
const { listSeatAlerts } = await import("../console/list-seat-alerts");
const { listEvents } = await import("../console/list-events");
const { listCustomers } = await import("../console/list-customers");

async function time(label: string, fn: () => Promise<unknown>, runs = 20) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} p50 ${ms[Math.floor(runs * 0.5)]!.toFixed(0).padStart(5)} ms   p95 ${ms[Math.floor(runs * 0.95)]!.toFixed(0).padStart(5)} ms`);
}

const page = { page: 1, pageSize: 25 };
await time("licenses: default (newest)", () => listLicenses(page));
await time("licenses: page 2000", () => listLicenses({ ...page, page: 2000 }));
await time("licenses: sort by customer", () => listLicenses({ ...page, sort: "customer", dir: "asc" }));
await time("licenses: sort by expiry", () => listLicenses({ ...page, sort: "expiresAt", dir: "asc" }));
await time("licenses: search q", () => listLicenses({ ...page, q: "customer 77" }));
await time("licenses: expiring in 30 days", () => listLicenses({ ...page, expiringWithinDays: 30 }));
await time("licenses: status ACTIVE", () => listLicenses({ ...page, status: "ACTIVE" }));
await time("licenses: utilization unused", () => listLicenses({ ...page, utilization: "unused" }), 5);
await time("licenses: utilization high", () => listLicenses({ ...page, utilization: "high" }), 5);
await time("dashboard stats", () => dashboardStats(), 5);
await time("seat alerts", () => listSeatAlerts(8), 5);
await time("events", () => listEvents({ pageSize: 25 }));
await time("customers", () => listCustomers({ page: 1, pageSize: 25, sort: "name", desc: false }));
await database.close();
