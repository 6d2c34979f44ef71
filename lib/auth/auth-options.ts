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

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  kind: "staff";
  role: "ADMIN" | "READ_ONLY";
};

// Secure cookies whenever the public URL is https (always in a real deployment); plain http only for
// localhost development and tests. httpOnly + SameSite=Lax on every cookie, stated explicitly.
const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const cookiePrefix = secureCookies ? "__Secure-" : "";
const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies };

/** Staff sign in with email and password (and a TOTP code when enrolled); sessions are JWTs in an httpOnly cookie. */
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
        const ok = await verifyPassword(staff?.passwordHash, password);
        if (!staff || !ok || staff.disabledAt) {
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
      }
      return token;
    },
    async session({ session, token }) {
      Object.assign(session, {
        user: { id: token.uid, email: token.email, name: token.name, kind: token.kind, role: token.role },
      });
      return session;
    },
  },
};
