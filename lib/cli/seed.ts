// npm run db:seed: migrate and seed the demo vendor when the database is empty.
import { openDatabase } from "./open-database";

const database = await openDatabase();
try {
  const { seedDemo } = await import("../seed/seed-demo");
  const result = await seedDemo(database.client);
  console.log(result.seeded ? `Seeded. Sign in as ${result.email} / ${result.password ?? "(SEATWISE_ADMIN_PASSWORD)"}` : "Database already has staff: nothing seeded.");
} finally {
  await database.close();
}
