import "server-only";
import { SIGNATURE_HEADER, signatureHeaderValue } from "./response-signature";
import { activeSigner } from "./signing-keys";

/**
 * Adds `Date` and `Seatwise-Signature` to a finished answer. The body is read once and sent as
 * exactly the bytes that were signed.
 */
export async function signResponse(response: Response, now = new Date()): Promise<Response> {
  const body = new Uint8Array(await response.arrayBuffer());
  const date = now.toUTCString();
  const { keyId, privateKey } = await activeSigner();
  const headers = new Headers(response.headers);
  headers.set("date", date);
  headers.set(SIGNATURE_HEADER, signatureHeaderValue(keyId, privateKey, date, body));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
