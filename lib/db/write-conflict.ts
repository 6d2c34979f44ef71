/**
 * True for PostgreSQL's deadlock (40P01) and serialization failure (40001), which the driver adapter
 * reports as Prisma's P2034: the statement was rolled back whole and may simply run again.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ((error as { code?: unknown }).code === "P2034") return true;
  const text = `${(error as { message?: unknown }).message ?? ""} ${String((error as { cause?: unknown }).cause ?? "")}`;
  return /40P01|40001|deadlock detected/i.test(text);
}
