// Authenticates a websocket upgrade with the same next-auth session cookie the
// pages use. A raw upgrade request has only the Cookie header (getToken reads
// req.cookies), so we parse it and decode the JWT ourselves.
import type { IncomingMessage } from "node:http";
import { decode } from "next-auth/jwt";
import { findSessionUser, type SessionUser } from "./sessionUser";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

export async function authenticateUpgrade(request: IncomingMessage, secret: string): Promise<SessionUser | null> {
  const cookies = parseCookieHeader(request.headers.cookie ?? "");
  const token = readSessionCookie(cookies);
  if (!token) return null;
  let payload;
  try {
    payload = await decode({ token, secret });
  } catch {
    return null;
  }
  if (!payload || (typeof payload.exp === "number" && payload.exp * 1000 < Date.now())) return null;
  // Not caught: a database error is the server's failure (1011, retried), not a missing session (4401).
  return findSessionUser(typeof payload.sub === "string" ? payload.sub : undefined);
}

// next-auth splits large tokens into name.0, name.1, …; ours are small, but
// read both shapes.
function readSessionCookie(cookies: Map<string, string>): string | undefined {
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
