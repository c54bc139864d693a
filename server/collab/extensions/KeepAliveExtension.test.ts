// Rule K1: pings every interval, terminates sockets that did not answer the last one, and keeps idle clients from timing out.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CollabServerHandle } from "../extension";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { KeepAliveExtension } from "./KeepAliveExtension";

const quiet = { info: () => {}, error: () => {} };

describe("KeepAliveExtension (K1)", () => {
  afterEach(() => vi.useRealTimers());

  it("terminates a socket that missed a pong, keeps one that answered, and sends an idle client an empty presence message", () => {
    vi.useFakeTimers();
    const extension = new KeepAliveExtension(1000);
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const rooms = new Map([["doc", room]]);
    const stop = extension.onConfigure({ rooms, closing: false } as unknown as CollabServerHandle);
    const healthy = fakeConnection();
    const dead = fakeConnection();
    for (const client of [healthy, dead]) {
      room.admit(client.connection);
      extension.onConnect({ room, connection: client.connection });
    }
    const sentBefore = healthy.socket.sent.length;
    vi.advanceTimersByTime(1000);
    expect(healthy.socket.pings).toBe(1);
    expect(healthy.socket.sent.length).toBe(sentBefore + 1);
    healthy.socket.pong();
    vi.advanceTimersByTime(1000);
    expect(healthy.socket.terminated).toBe(false);
    expect(dead.socket.terminated).toBe(true);
    stop();
    room.destroy();
  });
});
