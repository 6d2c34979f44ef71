import "server-only";
import { SIGNATURE_HEADER, signatureHeaderValue } from "./response-signature";
import { activeSigner } from "./signing-keys";

/**
 * Adds `Date` and `Seatwise-Signature` to a finished answer, signing exactly the bytes that are sent.
 * Given those bytes (answers built by the API's json()), the answer keeps its body and only gains headers;
 * otherwise the body is read once and re-sent as the signed bytes.
 */
export async function signResponse(response: Response, now = new Date(), knownBody: Uint8Array | null = null): Promise<Response> {
  const date = now.toUTCString();
  const { keyId, privateKey } = await activeSigner();
  if (knownBody) {
    response.headers.set("date", date);
    response.headers.set(SIGNATURE_HEADER, signatureHeaderValue(keyId, privateKey, date, knownBody));
    return response;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  headers.set("date", date);
  headers.set(SIGNATURE_HEADER, signatureHeaderValue(keyId, privateKey, date, body));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
