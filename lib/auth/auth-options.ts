import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverSecret } from "../config/secret";
import { verifyPassword } from "../crypto/passwords";
import { db } from "../db";
import { requestIp } from "../api/request-ip";
import { recordEvent } from "../events/record-event";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "../rate-limit/sign-in-throttle";
import { checkStaffTotp } from "./totp";

export type TStaffSession = {
  id: string;
  email: string;
  name: string;
  kind: "staff";
  role: "ADMIN" | "READ_ONLY";
};

/** A customer's user. Role and permissions here are a snapshot: portal pages re-read them from the database. */
export type TOrgSession = {
  id: string;
  email: string;
  name: string;
  kind: "org";
  organizationId: string;
  role: "ORG_ADMIN" | "MEMBER";
  canManageUsers: boolean;
  canDeactivateSeats: boolean;
};

export type TSessionUser = TStaffSession | TOrgSession;

// Secure cookies whenever the public URL is https (always in a real deployment); plain http only for
// localhost development and tests. httpOnly + SameSite=Lax on every cookie, stated explicitly.
const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const cookiePrefix = secureCookies ? "__Secure-" : "";
const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies };

/** Staff and org users sign in with email and password (staff also with a TOTP code when enrolled); sessions are JWTs in an httpOnly cookie. */
export const authOptions: NextAuthOptions = {
  secret: serverSecret(),
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: { name: `${cookiePrefix}next-auth.session-token`, options: cookieOptions },
    callbackUrl: { name: `${cookiePrefix}next-auth.callback-url`, options: cookieOptions },
    csrfToken: { name: `${secureCookies ? "__Host-" : ""}next-auth.csrf-token`, options: cookieOptions },
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
      // Errors thrown here reach the form as `result.error`: RATE_LIMITED, TOTP_REQUIRED or TOTP_INVALID.
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
        const password = String(credentials?.password ?? "").slice(0, 1024);
        const ip = requestIp(new Headers(req?.headers as HeadersInit | undefined));
        try {
          await assertSignInAllowed("staff", email, ip);
        } catch {
          throw new Error("RATE_LIMITED");
        }
        const staff = await db.staffUser.findUnique({ where: { email }, omit: { passwordHash: false, totpSecret: false } });
        // Emails are unique across staff and org users, so at most one of them can match.
        if (!staff) return authorizeOrgUser(email, password, ip);
        const ok = await verifyPassword(staff?.passwordHash, password);
        if (!ok || staff.disabledAt) {
          await recordEvent(db, { actor: { type: "ANONYMOUS", label: email }, ip }, { action: "staff.sign_in_failed", data: { email } });
          await recordSignInFailure("staff", email, ip);
          return null;
        }
        const second = await checkStaffTotp(staff, credentials?.totp);
        if (second === "required") throw new Error("TOTP_REQUIRED");
        if (second === "invalid") {
          await recordEvent(db, { actor: { type: "ANONYMOUS", label: email }, ip }, { action: "staff.sign_in_failed", data: { email, reason: "totp" } });
          await recordSignInFailure("staff", email, ip);
          throw new Error("TOTP_INVALID");
        }
        await clearSignInFailures("staff", email);
        await recordEvent(db, { actor: { type: "STAFF", id: staff.id, label: staff.email }, ip }, { action: "staff.signed_in" });
        return { id: staff.id, email: staff.email, name: staff.name, kind: "staff", role: staff.role } as never;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as TSessionUser;
        Object.assign(token, { uid: u.id, kind: u.kind, role: u.role });
        if (u.kind === "org") {
          Object.assign(token, { organizationId: u.organizationId, canManageUsers: u.canManageUsers, canDeactivateSeats: u.canDeactivateSeats });
        }
      }
      return token;
    },
    async session({ session, token }) {
      Object.assign(session, {
        user: {
          id: token.uid,
          email: token.email,
          name: token.name,
          kind: token.kind,
          role: token.role,
          ...(token.kind === "org"
            ? { organizationId: token.organizationId, canManageUsers: token.canManageUsers, canDeactivateSeats: token.canDeactivateSeats }
            : {}),
        },
      });
      return session;
    },
  },
};

async function authorizeOrgUser(email: string, password: string, ip: string | null) {
  const user = await db.orgUser.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabledAt) {
    // The throttle's "staff" scope covers every console/portal sign-in: one counter per email and IP.
    await recordSignInFailure("staff", email, ip);
    await recordEvent(db, { actor: { type: "ANONYMOUS", label: email }, ip }, {
      action: "org_user.sign_in_failed",
      organizationId: user?.organizationId ?? null,
      data: { email },
    });
    return null;
  }
  await clearSignInFailures("staff", email);
  await recordEvent(db, { actor: { type: "USER", id: user.id, label: user.email }, ip }, { action: "org_user.signed_in", organizationId: user.organizationId });
  const session: TOrgSession = {
    id: user.id,
    email: user.email,
    name: user.name,
    kind: "org",
    organizationId: user.organizationId,
    role: user.role,
    canManageUsers: user.canManageUsers,
    canDeactivateSeats: user.canDeactivateSeats,
  };
  return session as never;
}
