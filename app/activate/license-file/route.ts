import { ApiError } from "@/lib/api/errors";
import { describeZodError, errorResponse, MAX_BODY_BYTES } from "@/lib/api/handler";
import { requestIp } from "@/lib/api/request-ip";
import { licenseFileName, ZActivationFormInput } from "@/lib/license-files/activation-form";
import { activateKeyAndIssueLicenseFile } from "@/lib/license-files/issue-license-file";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { describeErrorForLog } from "../../../lib/security/redact";

/**
 * The public activation form posts here (fetch with JSON, or a plain HTML form post without JS).
 * Success: the signed .lic as an attachment. Refusal: `{error:{code,message}}`, or for a plain form
 * post a redirect back to /activate?error=CODE so the page can explain it.
 */
export async function POST(req: Request): Promise<Response> {
  const isFormPost = (req.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
  try {
    const ip = requestIp(req.headers);
    // Per IP (SEATWISE_RATE_LIMIT_ACTIVATION_FORM): enough for a room of offline machines, not for guessing keys.
    const rateHeaders = await enforceRateLimit("activation-form", { ip });
    const parsed = ZActivationFormInput.safeParse(await readInput(req, isFormPost));
    if (!parsed.success) throw new ApiError("INVALID_REQUEST", describeZodError(parsed.error));
    const { key, machineCode, friendlyName } = parsed.data;
    const issued = await activateKeyAndIssueLicenseFile(
      key,
      { fingerprint: machineCode, ...(friendlyName ? { friendlyName } : {}) },
      { ip, actor: { type: "LICENSE_KEY", label: "activation form" } },
      "form",
    );
    const fileName = licenseFileName(machineCode);
    return new Response(issued.licenseFile, {
      status: 200,
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        "seatwise-activation": issued.created ? "created" : "existing",
        ...rateHeaders,
      },
    });
  } catch (error) {
    if (isFormPost) {
      const code = error instanceof ApiError ? error.code : "INTERNAL_ERROR";
      if (!(error instanceof ApiError)) console.error("[activate] unexpected error", describeErrorForLog(error));
      return new Response(null, { status: 303, headers: { location: `/activate?error=${code}` } });
    }
    return errorResponse(error);
  }
}

async function readInput(req: Request, isFormPost: boolean): Promise<unknown> {
  const buffer = await req.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw new ApiError("INVALID_REQUEST", "The request is too large");
  const text = new TextDecoder().decode(buffer);
  if (isFormPost) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "The request body is not valid JSON");
  }
}
