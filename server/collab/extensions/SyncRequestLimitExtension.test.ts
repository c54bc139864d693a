// Rule L6: sync step 1 is rate-limited per connection; past the burst the connection is closed with 1008.
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { fakeConnection } from "../testing";
import { SyncRequestLimitExtension } from "./SyncRequestLimitExtension";

describe("SyncRequestLimitExtension (L6)", () => {
  it("answers a burst, closes the connection with 1008 past it", () => {
    const extension = new SyncRequestLimitExtension({ burst: 3, perSecond: 1 }, () => 0);
    const { connection, socket } = fakeConnection();
    const ask = () => extension.beforeSyncStep1({ connection });
    expect([ask(), ask(), ask()]).toEqual([true, true, true]);
    expect(socket.closedWith).toBeUndefined();
    expect(ask()).toBe(false);
    expect(socket.closedWith?.code).toBe(CloseCode.policyViolation);
  });

  it("refills over time, and each connection has its own bucket", () => {
    let now = 0;
    const extension = new SyncRequestLimitExtension({ burst: 1, perSecond: 0.5 }, () => now);
    const first = fakeConnection();
    const second = fakeConnection();
    expect(extension.beforeSyncStep1({ connection: first.connection })).toBe(true);
    expect(extension.beforeSyncStep1({ connection: second.connection })).toBe(true);
    now += 2000;
    expect(extension.beforeSyncStep1({ connection: first.connection })).toBe(true);
    expect(first.socket.closedWith).toBeUndefined();
  });
});
