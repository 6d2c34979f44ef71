import "server-only";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { rotateSigningKeyRows } from "./signing-keys";

/** Staff/admin action: a new active key; the event keeps who rotated and which keys were retired. */
export async function rotateSigningKey(ctx: TContext) {
  const now = ctx.now ?? new Date();
  const { keyId, previousKeyIds } = await rotateSigningKeyRows(now);
  await recordEvent(db, { ...ctx, now }, { action: "signing_key.rotated", data: { keyId, previousKeyIds } });
  return { keyId, previousKeyIds };
}
