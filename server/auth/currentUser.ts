// The signed-in user for server components and pages.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./authOptions";
import { findSessionUser, type SessionUser } from "./sessionUser";

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return findSessionUser(session?.user?.id);
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireCurrentUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
