// Rule A7: presence is bounded. A state larger than MAX_PRESENCE_STATE_BYTES
// is not something our editor sends (its state is ~250 bytes): the connection
// is closed with 1009, so a flood costs the sender a reconnect (and its
// authentication) per message. Presence messages are rate-limited per
// connection with a token bucket: past the burst, messages are dropped until
// tokens refill. Carets are only ever the latest state, so a dropped one is
// replaced by the next; removals (null states) always pass. Only messages
// that can change this connection's own presence are counted: a plain
// y-websocket client relays everyone else's states too, which the stamp
// drops anyway and which must not use up the sender's own budget.
// Runs before the presence stamp, which rebuilds the states that pass.
import { CloseCode } from "../../../lib/closeCodes";
import type { AwarenessEntry } from "../awarenessUpdate";
import type { Connection } from "../Connection";
import { ConnectionRateLimit, type MessageRate } from "../connectionRateLimit";
import type { CollabExtension } from "../extension";
import { jsonSizeExceeds, MAX_PRESENCE_STATE_BYTES } from "../presenceState";
import { MAX_AWARENESS_IDS_PER_CONNECTION } from "./PresenceStampExtension";

/**
 * Presence messages: a burst of 60 (a quick selection drag), refilled at 20 a
 * second (someone typing fast moves the caret about 10 times a second).
 */
export const DEFAULT_PRESENCE_RATE: MessageRate = { burst: 60, perSecond: 20 };

export class PresenceLimitsExtension implements CollabExtension {
  readonly name = "presence-limits";
  private readonly limit: ConnectionRateLimit;

  constructor(rate: MessageRate = DEFAULT_PRESENCE_RATE, now: () => number = Date.now) {
    this.limit = new ConnectionRateLimit(rate, now);
  }

  onAwarenessUpdate({ connection, entries }: { connection: Connection; entries: AwarenessEntry[] }): AwarenessEntry[] {
    let setsOwnState = false;
    const canClaim = connection.awarenessIds.size < MAX_AWARENESS_IDS_PER_CONNECTION;
    for (const entry of entries) {
      if (entry.state === null) continue;
      if (jsonSizeExceeds(entry.state, MAX_PRESENCE_STATE_BYTES)) {
        connection.close(CloseCode.messageTooBig, "Presence state too large");
        return [];
      }
      if (canClaim || connection.awarenessIds.has(entry.clientId)) setsOwnState = true;
    }
    if (!setsOwnState || this.limit.take(connection)) return entries;
    return entries.filter((entry) => entry.state === null);
  }

}
