import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverSecret } from "../config/secret";
import { verifyPassword } from "../crypto/passwords";
import { db } from "../db";
import { recordEvent } from "../events/record-event";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  kind: "staff";
  role: "ADMIN" | "READ_ONLY";
};

/** Staff sign in with email and password; sessions are JWTs in an httpOnly cookie. */
export const authOptions: NextAuthOptions = {
  secret: serverSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = String(credentials?.email ?? "").trim().toLowerCase().slice(0, 320);
        const password = String(credentials?.password ?? "").slice(0, 1024);
        const staff = await db.staffUser.findUnique({ where: { email }, omit: { passwordHash: false } });
        const ok = await verifyPassword(staff?.passwordHash, password);
        if (!staff || !ok || staff.disabledAt) {
          await recordEvent(db, { actor: { type: "ANONYMOUS", label: email } }, { action: "staff.sign_in_failed", data: { email } });
          return null;
        }
        await recordEvent(db, { actor: { type: "STAFF", id: staff.id, label: staff.email } }, { action: "staff.signed_in" });
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
