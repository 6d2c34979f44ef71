import { customAlphabet } from "nanoid";

const firstChar = customAlphabet("abcdefghijklmnopqrstuvwxyz", 1);
const restChars = customAlphabet("abcdefghijklmnopqrstuvwxyz0123456789", 23);

/**
 * An id for a row Seatwise inserts itself on a hot path, shaped like the schema's cuid(2) defaults
 * (24 lowercase letters and digits, a letter first), so both kinds look alike. cuid2's
 * createId hashes with SHA-3 and costs ~170 µs of the event loop per id (measured); this is ~1 µs and
 * draws 23 × log2(36) + log2(26) ≈ 123 bits from the OS's CSPRNG (nanoid rejects biased bytes), so
 * ids stay unique and unguessable.
 */
export function newId(): string {
  return firstChar() + restChars();
}
