import { notFound } from "next/navigation";
import { ApiError, ERROR_STATUS } from "@/lib/api/errors";

/** A license that isn't the admin's organization's (or a member asking) renders the portal's 404. */
export function notFoundIfMissing(error: unknown): never {
  if (error instanceof ApiError && ERROR_STATUS[error.code] === 404) notFound();
  throw error;
}
