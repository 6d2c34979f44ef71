import { apiRoute } from "@/lib/api/handler";
import { listUserEmails } from "@/lib/orgs/list-user-emails";

/** What Seatwise emailed this user (invitations): lets support check delivery and re-send by hand. */
export const GET = apiRoute({ auth: "admin" }, ({ params }) => listUserEmails(params.id!, params.userId!));
