import { json } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-static";

export function GET() {
  return json(openApiDocument(), 200, { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" });
}
