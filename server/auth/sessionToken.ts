// The session cookie: a next-auth JWT whose `sub` is the user and `sid` the
// user_sessions row. Read the same way for pages, route handlers and the
// websocket (a raw upgrade request has only the Cookie header).
import { decode } from "next-auth/jwt";
import { findActiveSession, type ActiveSession } from "./sessions";

export type FindActiveSession = (sessionId: unknown, userId: unknown) => Promise<ActiveSession | null>;

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The live session a cookie jar carries, or null (no cookie, a token that does
 * not verify, or a session that was revoked, has expired or whose user is
 * disabled). A database error is thrown: it is not a missing session.
 */
export async function sessionFromCookies(
  cookies: ReadonlyMap<string, string>,
  secret: string,
  /** The sync server reads sessions through its own pool; pages and routes through Prisma. */
  findSession: FindActiveSession = findActiveSession,
): Promise<ActiveSession | null> {
  const token = readSessionCookie(cookies);
  if (!token) return null;
  let payload;
  try {
    payload = await decode({ token, secret });
  } catch {
    return null;
  }
  if (!payload || (typeof payload.exp === "number" && payload.exp * 1000 < Date.now())) return null;
  return findSession(payload.sid, payload.sub);
}

// next-auth splits large tokens into name.0, name.1, …; ours are small, but
// read both shapes.
function readSessionCookie(cookies: ReadonlyMap<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length > 0) return chunks.join("");
  }
  return undefined;
}

export function parseCookieHeader(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}
