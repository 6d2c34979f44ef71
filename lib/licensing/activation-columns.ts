import { Prisma } from "../generated/prisma/client";

/**
 * The Activation columns by name, for raw statements that return activations. Never `*`: statements
 * are prepared (lib/db/statement-names.ts), and PostgreSQL refuses to run a prepared statement whose
 * `*` would now expand differently ("cached plan must not change result type"), which is what a
 * rolling deploy that adds a column would do to the instances still running the old version.
 */
export function activationColumns(alias?: string): Prisma.Sql {
  const prefix = alias ? `${alias}.` : "";
  return Prisma.raw(Object.values(Prisma.ActivationScalarFieldEnum).map((c) => `${prefix}"${c}"`).join(", "));
}
