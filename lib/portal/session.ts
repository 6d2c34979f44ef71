import "server-only";
import { redirect } from "next/navigation";
import { ApiError } from "../api/errors";
import { currentUser } from "../auth/session";
import { loadOrgActor, type TOrgActor } from "./actor";

/** For portal pages: staff go to the console, anonymous or disabled users to sign-in. */
export async function requireOrgActor(callbackUrl = "/portal"): Promise<TOrgActor> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (user.kind !== "org") redirect("/console");
  const actor = await loadOrgActor(user.id);
  if (!actor) redirect("/login?disabled=1");
  return actor;
}

/** For server actions and portal route handlers: no redirects, an error the caller turns into a message. */
export async function orgActorOrThrow(): Promise<TOrgActor> {
  const user = await currentUser();
  const actor = user?.kind === "org" ? await loadOrgActor(user.id) : null;
  if (!actor) throw new ApiError("UNAUTHORIZED", "Your session has ended: sign in again");
  return actor;
}
