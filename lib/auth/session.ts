import "server-only";
import { getServerSession } from "next-auth";
import { authOptions, type TSessionUser } from "./auth-options";

export async function currentUser(): Promise<TSessionUser | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as Partial<TSessionUser> | undefined;
  return user?.id && user.kind ? (user as TSessionUser) : null;
}
