import { apiRoute } from "@/lib/api/handler";
import { deactivateActivationById } from "@/lib/licensing/deactivate-seat";

/** Frees the seat; the activation stays in the history as deactivated. */
export const DELETE = apiRoute({ auth: "admin" }, ({ params, ctx }) => deactivateActivationById(params.id!, ctx));
