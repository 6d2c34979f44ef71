// `npm run secrets:reseal`: after changing SEATWISE_SECRET (with the old value in SEATWISE_SECRET_PREVIOUS),
// re-encrypts every sealed value under the new secret, so the previous one can be dropped.
import { openSecret, sealSecret } from "../crypto/secret-box";
import { openDatabase } from "./open-database";

async function main() {
  if (!process.env.SEATWISE_SECRET) throw new Error("Set SEATWISE_SECRET to the new secret (and SEATWISE_SECRET_PREVIOUS to the old one)");
  const database = await openDatabase();
  const staff = await database.client.staffUser.findMany({ where: { totpSecret: { not: null } }, omit: { totpSecret: false } });
  let resealed = 0;
  const unreadable: string[] = [];
  for (const s of staff) {
    const seed = openSecret(s.totpSecret!, "staff-totp");
    if (seed === null) {
      unreadable.push(s.email);
      continue;
    }
    await database.client.staffUser.update({ where: { id: s.id }, data: { totpSecret: sealSecret(seed, "staff-totp") } });
    resealed++;
  }
  await database.close();
  console.log(`[seatwise] re-sealed ${resealed} two-factor seed(s) under the new secret`);
  if (unreadable.length) {
    console.log(`[seatwise] ${unreadable.length} seed(s) opened with neither secret; these staff must enrol again: ${unreadable.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`[seatwise] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
