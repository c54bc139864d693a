// A token bucket per connection: `burst` messages at once, refilled at
// `perSecond`. Shared by the limits on presence (A7) and sync requests (L6).
import type { Connection } from "./Connection";

export type MessageRate = {
  /** Messages a connection may send at once. */
  burst: number;
  /** Messages per second refilled. */
  perSecond: number;
};

type Bucket = { tokens: number; refilledAt: number };

export class ConnectionRateLimit {
  private readonly buckets = new WeakMap<Connection, Bucket>();

  constructor(
    private readonly rate: MessageRate,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token from the connection's bucket; false when it is empty. */
  take(connection: Connection): boolean {
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
