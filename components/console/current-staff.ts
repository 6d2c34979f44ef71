import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";
import { staffAccess } from "@/lib/console/staff-access";

/** The signed-in staff member for a console page (once per request); sends others to sign in. */
export const requireStaff = cache(async () => {
  const staff = await staffAccess(await currentUser());
  if (!staff) redirect("/login?callbackUrl=/console");
  return staff;
});
