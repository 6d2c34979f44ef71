import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";

/** The signed-in staff member for a console page (once per request); sends others to sign in. */
export const requireStaff = cache(async () => {
  const user = await currentUser();
  if (!user || user.kind !== "staff") redirect("/login?callbackUrl=/console");
  return { ...user, canEdit: user.role === "ADMIN" };
});
