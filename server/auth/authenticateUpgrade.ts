// Authenticates a websocket upgrade with the same session cookie the pages
// use (sessionToken.ts): the live session and its user, or null.
import type { IncomingMessage } from "node:http";
import { parseCookieHeader, sessionFromCookies, type FindActiveSession } from "./sessionToken";
import type { ActiveSession } from "./sessions";

export async function authenticateUpgrade(request: IncomingMessage, secret: string, findSession?: FindActiveSession): Promise<ActiveSession | null> {
  return sessionFromCookies(parseCookieHeader(request.headers.cookie ?? ""), secret, findSession);
}
