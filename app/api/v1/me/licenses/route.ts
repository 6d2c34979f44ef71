import { apiRoute } from "@/lib/api/handler";
import { listUserLicenses } from "@/lib/licensing/user-seats";

export const GET = apiRoute({ auth: "user" }, ({ user }) => listUserLicenses(user));
