import type { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";

/** Secrets never leave the database unless a query asks for them with `omit: { field: false }`. */
export const OMIT_SECRETS = {
  staffUser: { passwordHash: true, totpSecret: true },
  orgUser: { passwordHash: true },
  apiToken: { tokenHash: true },
  userToken: { tokenHash: true },
  actionToken: { tokenHash: true },
  license: { activationPasswordHash: true },
  signingKey: { encryptedPrivateKey: true },
  webhookEndpoint: { secret: true },
} as const;

// Kept apart from lib/db.ts, which opens the default database on import: tests and CLI tasks
// build their own client with this before anything imports lib/db.ts.
export function createPrismaClient(adapter: PrismaPg | PrismaPGlite) {
  return new PrismaClient({ adapter, omit: OMIT_SECRETS });
}
