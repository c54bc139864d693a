// Rule A7: presence is bounded in size (1009) and rate-limited per connection.
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { fakeConnection } from "../testing";
import { PresenceLimitsExtension } from "./PresenceLimitsExtension";

const caret = { cursor: null };

describe("PresenceLimitsExtension (A7)", () => {
  it("closes a connection that sends a presence state over the bound with 1009", () => {
    const extension = new PresenceLimitsExtension();
    const { connection, socket } = fakeConnection();
    const entries = extension.onAwarenessUpdate({ connection, entries: [{ clientId: 1, clock: 1, state: { junk: "x".repeat(1024 * 1024) } }] });
    expect(entries).toEqual([]);
    expect(socket.closedWith?.code).toBe(CloseCode.messageTooBig);
  });

  it("passes a burst, then drops until tokens refill; removals always pass", () => {
    let now = 0;
    const extension = new PresenceLimitsExtension({ burst: 3, perSecond: 2 }, () => now);
    const { connection } = fakeConnection();
    connection.awarenessIds.add(7);
    const send = (clock: number, state: Record<string, unknown> | null = caret) =>
      extension.onAwarenessUpdate({ connection, entries: [{ clientId: 7, clock, state }] }).length;
    expect([send(1), send(2), send(3), send(4)]).toEqual([1, 1, 1, 0]);
    expect(send(5, null)).toBe(1);
    now += 499;
    expect(send(6)).toBe(0);
    now += 1;
    expect(send(7)).toBe(1);
    expect(send(8)).toBe(0);
  });

  it("does not count states relayed for other clients against the sender's own budget", () => {
    const extension = new PresenceLimitsExtension({ burst: 1, perSecond: 1 }, () => 0);
    const { connection } = fakeConnection();
    for (const id of [1, 2, 3, 4]) connection.awarenessIds.add(id);
    const relayed = [{ clientId: 99, clock: 1, state: caret }];
    for (let i = 0; i < 10; i++) expect(extension.onAwarenessUpdate({ connection, entries: relayed })).toHaveLength(1);
    expect(extension.onAwarenessUpdate({ connection, entries: [{ clientId: 1, clock: 1, state: caret }] })).toHaveLength(1);
  });
});
