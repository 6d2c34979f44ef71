// npm run seed:large [-- --licenses N --activations-per-license M]: bulk data (default 100,000 licenses,
// 300,000 activations, periods and events) into the configured database, for performance work.
import { parseArgs } from "node:util";
import { openDatabase } from "./open-database";

const { values } = parseArgs({
  options: {
    licenses: { type: "string", default: "100000" },
    "activations-per-license": { type: "string", default: "3" },
    organizations: { type: "string" },
    batch: { type: "string", default: "25000" },
  },
});
const licenses = Number(values.licenses);
const perLicense = Number(values["activations-per-license"]);
const organizations = Number(values.organizations ?? Math.max(1, Math.round(licenses / 5)));
const batch = Number(values.batch);
for (const [name, n] of Object.entries({ licenses, perLicense, organizations, batch })) {
  if (!Number.isInteger(n) || n < 1) {
    console.error(`[seed:large] ${name} must be a positive whole number`);
    process.exit(1);
  }
}

const started = Date.now();
const database = await openDatabase();
try {
  const { seedLarge } = await import("../seed/seed-large");
  const result = await seedLarge(database.client, {
    licenses,
    activationsPerLicense: perLicense,
    organizations,
    batch,
    log: (line) => console.log(`[seed:large] ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  });
  console.log(`[seed:large] done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.licenses} licenses, ${result.activations} activations (ids tagged ${result.tag})`);
} finally {
  await database.close();
}
