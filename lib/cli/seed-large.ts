// npm run seed:large: 100,000 licenses and 300,000 activations (with periods and audit events) in the
// configured database, for trying the console at scale. SEED_LICENSES overrides the count.
import { openDatabase } from "./open-database";

const licenses = Number(process.env.SEED_LICENSES || 100_000);
const database = await openDatabase();
try {
  const { seedLarge } = await import("../seed/seed-large");
  const started = Date.now();
  console.log(`Seeding ${licenses.toLocaleString("en")} licenses…`);
  await seedLarge(database.client, { licenses, activationsPerLicense: 3, prefix: "large", log: console.log });
  const [l, a] = await Promise.all([database.client.license.count(), database.client.activation.count()]);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${l.toLocaleString("en")} licenses, ${a.toLocaleString("en")} activations in the database.`);
} finally {
  await database.close();
}
