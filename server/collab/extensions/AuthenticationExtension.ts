// Rule A1: no session, no socket. The upgrade carries the next-auth session
// cookie; without a valid one the socket is closed with 4401 before any
// document byte. Rule A2 (last part): a handshake from a page on another
// site is closed with 4403, so no other site can use a reader's session.
// A session that was signed out, has expired or whose user is disabled is no
// session (4401).
import type { IncomingMessage } from "node:http";
import { CloseCode } from "../../../lib/closeCodes";
import { userColor } from "../../../lib/userColor";
import { authenticateUpgrade } from "../../auth/authenticateUpgrade";
import type { FindActiveSession } from "../../auth/sessionToken";
import { rememberSession } from "../connectionSessions";
import { CollabRefusal, type CollabExtension, type ConnectionContext } from "../extension";

export class AuthenticationExtension implements CollabExtension {
  readonly name = "authentication";

  constructor(
    private readonly authSecret: string,
    /** How sessions are read (the sync server's own pool in production; Prisma by default). */
    private readonly findSession?: FindActiveSession,
  ) {}

  async onAuthenticate({ request, context }: { request: IncomingMessage; context: ConnectionContext }): Promise<void> {
    let session;
    try {
      session = await authenticateUpgrade(request, this.authSecret, this.findSession);
    } catch (error) {
      throw new CollabRefusal(CloseCode.internalError, `Authentication unavailable: ${String(error)}`);
    }
    if (!session) throw new CollabRefusal(CloseCode.unauthorized, "Sign in required");
    if (!isSameOrigin(request)) throw new CollabRefusal(CloseCode.forbidden, "Cross-site connection refused");
    const { user } = session;
    context.actor = { id: user.id, role: user.role };
    context.identity = { id: user.id, name: user.name, color: userColor(user.id) };
    // The sessions extension closes this socket when the session ends (sign-out, expiry, a disabled user).
    rememberSession(context.actor, { id: session.id, expiresAt: session.expiresAt });
  }
}

// Browsers send Origin on websocket handshakes and attach cookies even for
// cross-site pages in some configurations: a page elsewhere must not be able
// to open a socket with our user's session (cross-site websocket hijacking).
// Clients without Origin (server-side tools, tests) are unaffected.
export function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set([request.headers.host]);
  if (process.env.NEXTAUTH_URL) allowed.add(new URL(process.env.NEXTAUTH_URL).host);
  return allowed.has(originHost);
}
