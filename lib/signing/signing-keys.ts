import "server-only";
import { createPrivateKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { serverSecret } from "../config/secret";
import { db, TX_OPTIONS, type TDb, type TTx } from "../db";
import { decryptPrivateKey, encryptPrivateKey } from "./key-encryption";
import { keyIdOf } from "./key-id";

export type TActiveSigner = { keyId: string; privateKey: KeyObject };

export type TPublicKeyDto = { keyId: string; publicKey: string; active: boolean; createdAt: string; retiredAt: string | null };

/**
 * How long this process trusts its idea of which key is active. Another instance may rotate the key;
 * within this window we keep signing with the previous key, which stays listed and verifiable, so the
 * lag is harmless and saves a database round trip on every signed answer.
 */
export const ACTIVE_KEY_TTL_MS = 5_000;

// Decrypted keys live in process memory only, keyed by keyId; the database holds them encrypted.
const decrypted = new Map<string, KeyObject>();
let active: { keyId: string; checkedAt: number } | null = null;

export function forgetCachedSigningKeys() {
  decrypted.clear();
  active = null;
}

/** A fresh Ed25519 pair, the private half encrypted with the server secret. */
export function newSigningKeyRow(secret = serverSecret()) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = privateKey.export({ type: "pkcs8", format: "der" });
  return {
    id: keyIdOf(publicKey),
    algorithm: "ed25519",
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    encryptedPrivateKey: encryptPrivateKey(der, secret),
    active: true,
  };
}

// Creation and rotation run under one advisory lock, so racing instances never leave two active keys.
async function lockSigningKeys(tx: TTx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
}

/** The active key's id, creating the first key pair when there is none yet. */
export async function ensureSigningKey(client: TDb = db): Promise<string> {
  const existing = await client.signingKey.findFirst({ where: { active: true }, select: { id: true }, orderBy: { createdAt: "desc" } });
  if (existing) return existing.id;
  return client.$transaction(async (tx) => {
    await lockSigningKeys(tx);
    const again = await tx.signingKey.findFirst({ where: { active: true }, select: { id: true } });
    if (again) return again.id;
    const row = newSigningKeyRow();
    await tx.signingKey.create({ data: row, select: { id: true } });
    return row.id;
  }, TX_OPTIONS);
}

/** Makes a new active key; older keys stay listed (retired) so files and answers they signed still verify. */
export async function rotateSigningKeyRows(now = new Date(), client: TDb = db): Promise<{ keyId: string; previousKeyIds: string[] }> {
  const result = await client.$transaction(async (tx) => {
    await lockSigningKeys(tx);
    const previous = await tx.signingKey.findMany({ where: { active: true }, select: { id: true } });
    await tx.signingKey.updateMany({ where: { active: true }, data: { active: false, retiredAt: now } });
    const row = newSigningKeyRow();
    await tx.signingKey.create({ data: { ...row, createdAt: now }, select: { id: true } });
    return { keyId: row.id, previousKeyIds: previous.map((p) => p.id) };
  }, TX_OPTIONS);
  active = null;
  return result;
}

/** The key that signs right now, decrypted (once per process and keyId). */
export async function activeSigner(): Promise<TActiveSigner> {
  const now = Date.now();
  if (!active || now - active.checkedAt > ACTIVE_KEY_TTL_MS) {
    active = { keyId: await ensureSigningKey(), checkedAt: now };
  }
  const keyId = active.keyId;
  let privateKey = decrypted.get(keyId);
  if (!privateKey) {
    const row = await db.signingKey.findUniqueOrThrow({ where: { id: keyId }, omit: { encryptedPrivateKey: false } });
    privateKey = createPrivateKey({ key: decryptPrivateKey(row.encryptedPrivateKey, serverSecret()), format: "der", type: "pkcs8" });
    decrypted.set(keyId, privateKey);
  }
  return { keyId, privateKey };
}

/** Every public key, active first then newest first. */
export async function listPublicKeys(): Promise<TPublicKeyDto[]> {
  await ensureSigningKey();
  const rows = await db.signingKey.findMany({ orderBy: [{ active: "desc" }, { createdAt: "desc" }] });
  return rows.map((row) => ({
    keyId: row.id,
    publicKey: row.publicKeyPem,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  }));
}
