import "server-only";
import { headers } from "next/headers";
import { requestIp } from "../api/request-ip";
import type { TContext } from "../events/record-event";
import { currentUser } from "./session";

export type TStaffCheck = { ok: true; ctx: TContext } | { ok: false; message: string };

/** Server actions that change something: signed-in ADMIN staff only, whatever the UI showed. */
export async function requireAdminStaff(): Promise<TStaffCheck> {
  const user = await currentUser();
  if (!user || user.kind !== "staff") return { ok: false, message: "Your session has ended. Sign in again." };
  if (user.role !== "ADMIN") return { ok: false, message: "Read-only staff can't change anything. Ask an admin." };
  const ip = requestIp(await headers());
  return { ok: true, ctx: { ip, actor: { type: "STAFF", id: user.id, label: user.email } } };
}
