import { apiRoute } from "@/lib/api/handler";
import { listPublicKeys } from "@/lib/signing/signing-keys";

export const GET = apiRoute({ auth: "none", sign: true, rateLimit: "client" }, async () => {
  const keys = await listPublicKeys();
  const active = keys.find((k) => k.active)!;
  return {
    algorithm: "ed25519",
    keyId: active.keyId,
    publicKey: active.publicKey,
    keys: keys.map(({ keyId, publicKey, active, createdAt }) => ({ keyId, publicKey, active, createdAt })),
  };
});
