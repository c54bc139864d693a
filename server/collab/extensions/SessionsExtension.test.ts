// Rule A8 without a database: ended sessions close their sockets (4401), a
// session check that fails closes what it covered (1011, fail closed), and a
// changed newsroom role re-resolves the document role.
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { rememberSession } from "../connectionSessions";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { SessionsExtension, type SessionsExtensionOptions } from "./SessionsExtension";

const quiet = { info: () => {}, error: () => {} };
const later = () => new Date(Date.now() + 24 * 60 * 60 * 1000);

function setup(options: SessionsExtensionOptions) {
  const extension = new SessionsExtension({ listen: () => ({ close: async () => {} }), ...options });
  const room = new Room("doc-sessions", new ExtensionRunner([extension]), quiet);
  const connect = (sessionId: string, userId: string) => {
    const pair = fakeConnection("editor", userId);
    rememberSession(pair.connection.actor, { id: sessionId, expiresAt: later() });
    room.admit(pair.connection);
    return pair;
  };
  return { extension, room, connect };
}

describe("SessionsExtension (A8)", () => {
  it("closes the sockets of ended sessions with 4401: by session, or every session of a user", () => {
    const { extension, room, connect } = setup({});
    const a = connect("s-a", "ayse");
    const b = connect("s-b", "ayse");
    const c = connect("s-c", "daniel");
    extension.endSessions({ sessionIds: ["s-a"] });
    expect(a.socket.closedWith?.code).toBe(CloseCode.unauthorized);
    expect(b.socket.closedWith).toBeUndefined();
    extension.endSessions({ userId: "ayse" });
    expect(b.socket.closedWith?.code).toBe(CloseCode.unauthorized);
    expect(c.socket.closedWith).toBeUndefined();
    room.destroy();
  });

  it("fails closed: a session check that cannot reach the database closes the sockets with 1011", async () => {
    const { extension, room, connect } = setup({
      findLive: async () => {
        throw new Error("connection terminated");
      },
    });
    const a = connect("s-a", "ayse");
    await extension.check();
    expect(a.socket.closedWith?.code).toBe(CloseCode.internalError);
    room.destroy();
  });

  it("closes sessions the check finds gone, and re-resolves the role of a user whose newsroom role changed", async () => {
    const { extension, room, connect } = setup({
      findLive: async () => new Map([["s-b", { expiresAt: later(), role: "viewer" as const }]]),
      findRole: async (actor) => (actor.role === "viewer" ? "viewer" : "editor"),
    });
    const a = connect("s-a", "ayse");
    const b = connect("s-b", "daniel");
    await extension.check();
    expect(a.socket.closedWith?.code).toBe(CloseCode.unauthorized);
    expect(b.socket.closedWith).toBeUndefined();
    expect(b.connection.actor.role).toBe("viewer");
    expect(b.connection.role).toBe("viewer");
    room.destroy();
  });
});
