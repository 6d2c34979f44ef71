import { apiRoute, reply } from "@/lib/api/handler";
import { rotateSigningKey } from "@/lib/signing/rotate-signing-key";

// POST with an ADMIN token (the handler refuses read-only tokens on anything but GET).
export const POST = apiRoute({ auth: "admin" }, async ({ ctx }) => reply(await rotateSigningKey(ctx), 201));
