import { apiRoute } from "@/lib/api/handler";
import { listUserLicenses } from "@/lib/licensing/user-seats";

// The client app calls this with its user token: same per-address limit as the rest of the client API.
export const GET = apiRoute({ auth: "user", rateLimit: "client" }, ({ user }) => listUserLicenses(user));
