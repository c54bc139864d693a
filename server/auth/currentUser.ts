// The signed-in user for server components and pages.
import { redirect } from "next/navigation";
import { findRequestUser, type SessionUser } from "./sessionUser";

export async function getCurrentUser(): Promise<SessionUser | null> {
  return findRequestUser();
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireCurrentUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
