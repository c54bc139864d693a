// The signed-in user of the current request (pages and route handlers), read
// from the session cookie and checked against the database on every request,
// so a revoked session, a disabled user or a changed role takes effect at once.
import { cookies } from "next/headers";
import { getAuthSecret } from "./authSecret";
import { sessionFromCookies } from "./sessionToken";
import type { ActiveSession, SessionUser } from "./sessions";

export type { SessionUser };

export async function findRequestSession(): Promise<ActiveSession | null> {
  const jar = await cookies();
  return sessionFromCookies(new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value])), getAuthSecret());
}

export async function findRequestUser(): Promise<SessionUser | null> {
  return (await findRequestSession())?.user ?? null;
}
