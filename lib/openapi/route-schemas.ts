// Request schemas of routes that other branches build (auth/token, license-files). When those land,
// replace these with imports of the schemas their routes validate with: the registry test then checks identity.
import { z } from "zod";
export { ZCreateToken, ZLicenseActivationsQuery } from "../admin/schemas";

export const ZSignInInput = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(1024) });

export const ZLicenseFileInput = z.object({
  key: z.string().min(1).max(256).optional().meta({ description: "The license key (or send a user token and licenseId)" }),
  licenseId: z.string().min(1).max(64).optional(),
  fingerprint: z.string().trim().min(1).max(256),
});
