// Rule L6: sync step 1 is rate-limited per connection. Answering one means
// encoding everything the client lacks — for a client that claims to have
// nothing, the whole document (up to 16 MiB, rule L5) — from a frame of a few
// bytes. Our client sends one per socket (a refused update opens a new
// socket, A6), so a small burst with a slow refill never touches it; a client
// past it is closed with 1008 (policy violation). Closing rather than
// silently ignoring keeps the client's state honest: a client whose request
// went unanswered would sit unsynced, while a closed one reconnects (with
// y-websocket's back-off, and a fresh authentication) and is answered once.
import { CloseCode } from "../../../lib/closeCodes";
import type { Connection } from "../Connection";
import { ConnectionRateLimit, type MessageRate } from "../connectionRateLimit";
import type { CollabExtension } from "../extension";

/** Sync step 1 requests: a burst of 10, then one every 5 seconds — ample for a client that re-syncs now and then. */
export const DEFAULT_SYNC_REQUEST_RATE: MessageRate = { burst: 10, perSecond: 0.2 };

export class SyncRequestLimitExtension implements CollabExtension {
  readonly name = "sync-request-limit";
  private readonly limit: ConnectionRateLimit;

  constructor(rate: MessageRate = DEFAULT_SYNC_REQUEST_RATE, now: () => number = Date.now) {
    this.limit = new ConnectionRateLimit(rate, now);
  }

  beforeSyncStep1({ connection }: { connection: Connection }): boolean {
    if (this.limit.take(connection)) return true;
    // What it queued after this frame is not processed either: it is leaving.
    connection.clearInbox();
    connection.close(CloseCode.policyViolation, "Too many sync requests");
    return false;
  }
}
