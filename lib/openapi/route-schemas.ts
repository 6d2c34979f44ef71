// Request schemas the admin routes import from lib/admin/schemas, re-exported for the registry.
export { ZCreateToken, ZLicenseActivationsQuery } from "../admin/schemas";
