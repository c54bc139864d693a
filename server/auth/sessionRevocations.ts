// Ended sessions reach every server process through PostgreSQL's
// LISTEN/NOTIFY: a sign-out in a route handler, `npm run user:disable` in a
// terminal, or another node behind the load balancer all notify the channel,
// and each sync server closes the sockets of those sessions at once (4401).
// The notification is sent in the same transaction as the revocation, so it
// is delivered exactly when the revocation is committed.
import pg from "pg";
import { z } from "zod";

export const SESSION_REVOCATIONS_CHANNEL = "newsroom_session_revocations";

/** Which sessions ended: some by id, or every session of a user. */
export type SessionRevocation = { sessionIds: string[] } | { userId: string };

const revocationSchema = z.union([z.object({ sessionIds: z.array(z.uuid()).max(10_000) }).strict(), z.object({ userId: z.uuid() }).strict()]);

export function encodeRevocation(revocation: SessionRevocation): string {
  return JSON.stringify(revocation);
}

export function decodeRevocation(payload: string | undefined): SessionRevocation | null {
  try {
    const parsed = revocationSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type RevocationListener = { close(): Promise<void> };

/**
 * Listens on the channel with a connection of its own (LISTEN holds it),
 * reconnecting after an error; `onReconnect` lets the caller re-check what it
 * holds, since notifications sent while disconnected are lost.
 */
export function listenForRevocations(
  connectionString: string,
  handlers: { onRevocation: (revocation: SessionRevocation) => void; onReconnect: () => void; onError: (error: unknown) => void },
): RevocationListener {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({ connectionString });
    next.on("error", (error) => {
      handlers.onError(error);
      scheduleReconnect();
    });
    next.on("notification", (message) => {
      const revocation = decodeRevocation(message.payload);
      if (revocation) handlers.onRevocation(revocation);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${SESSION_REVOCATIONS_CHANNEL}`);
      if (closed) return void (await next.end().catch(() => {}));
      client = next;
      if (isReconnect) handlers.onReconnect();
    } catch (error) {
      handlers.onError(error);
      await next.end().catch(() => {});
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    if (closed || retry) return;
    const previous = client;
    client = undefined;
    void previous?.end().catch(() => {});
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, 1000);
    retry.unref();
  };
  void connect(false);
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
