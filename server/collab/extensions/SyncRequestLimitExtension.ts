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
import type { CollabExtension } from "../extension";

export type SyncRequestRate = {
  /** Sync step 1 requests a connection may send at once. */
  burst: number;
  /** Requests per second refilled. */
  perSecond: number;
};

/** A burst of 10, then one every 5 seconds: ample for a client that re-syncs now and then. */
export const DEFAULT_SYNC_REQUEST_RATE: SyncRequestRate = { burst: 10, perSecond: 0.2 };

type Bucket = { tokens: number; refilledAt: number };

export class SyncRequestLimitExtension implements CollabExtension {
  readonly name = "sync-request-limit";
  private readonly buckets = new WeakMap<Connection, Bucket>();

  constructor(
    private readonly rate: SyncRequestRate = DEFAULT_SYNC_REQUEST_RATE,
    private readonly now: () => number = Date.now,
  ) {}

  beforeSyncStep1({ connection }: { connection: Connection }): boolean {
    if (this.take(connection)) return true;
    // What it queued after this frame is not processed either: it is leaving.
    connection.clearInbox();
    connection.close(CloseCode.policyViolation, "Too many sync requests");
    return false;
  }

  /** Takes one token from the connection's bucket; false when it is empty. */
  private take(connection: Connection): boolean {
    const now = this.now();
    let bucket = this.buckets.get(connection);
    if (!bucket) {
      bucket = { tokens: this.rate.burst, refilledAt: now };
      this.buckets.set(connection, bucket);
    }
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.refilledAt) * this.rate.perSecond) / 1000);
    bucket.refilledAt = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
