// Rule A4: presence entries only for client ids the connection owns, stamped with the session's identity.
import { describe, expect, it } from "vitest";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { MAX_AWARENESS_IDS_PER_CONNECTION, PresenceStampExtension } from "./PresenceStampExtension";

const quiet = { info: () => {}, error: () => {} };

describe("PresenceStampExtension (A4)", () => {
  it("stamps the session's identity over a claimed one, and refuses ids another connection holds", () => {
    const extension = new PresenceStampExtension();
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const ayse = fakeConnection("editor", "ayse");
    const mallory = fakeConnection("editor", "mallory");
    room.admit(ayse.connection);
    room.admit(mallory.connection);
    const forged = { user: { id: "ayse", name: "Not Mallory" }, cursor: null };
    const stamped = extension.onAwarenessUpdate({ room, connection: mallory.connection, entries: [{ clientId: 1, clock: 1, state: forged }] });
    expect(stamped[0]?.state?.user).toEqual(mallory.connection.user);
    const stolen = extension.onAwarenessUpdate({ room, connection: ayse.connection, entries: [{ clientId: 1, clock: 2, state: {} }] });
    expect(stolen).toEqual([]);
    room.destroy();
  });

  it("lets one connection own only a few client ids", () => {
    const extension = new PresenceStampExtension();
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const { connection } = fakeConnection();
    room.admit(connection);
    const entries = Array.from({ length: MAX_AWARENESS_IDS_PER_CONNECTION + 3 }, (_, index) => ({ clientId: 100 + index, clock: 1, state: {} }));
    expect(extension.onAwarenessUpdate({ room, connection, entries })).toHaveLength(MAX_AWARENESS_IDS_PER_CONNECTION);
    room.destroy();
  });

  it("rebuilds each state from the session's user and a valid cursor only", () => {
    const extension = new PresenceStampExtension();
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const { connection } = fakeConnection("viewer", "viewer");
    room.admit(connection);
    const state = { user: { name: "x" }, cursor: { anchor: null }, payload: "y".repeat(2000) };
    const [stamped] = extension.onAwarenessUpdate({ room, connection, entries: [{ clientId: 5, clock: 1, state }] });
    expect(stamped?.state).toEqual({ user: connection.user });
    room.destroy();
  });
});
