// Rule A5: a members event makes every connection's role be looked up again
// (delivery itself, E1, is tested through the bridge in SyncBridgeExtension.test.ts).
import { describe, expect, it, vi } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import type { CollabServerHandle } from "../extension";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { DocumentEventsExtension } from "./DocumentEventsExtension";

const quiet = { info: () => {}, error: () => {} };

describe("DocumentEventsExtension (E1)", () => {
  it("A5: closes a connection whose role cannot be looked up again with 1011 (fail closed), keeps the others' new roles", async () => {
    let failFor = "";
    const extension = new DocumentEventsExtension(async (actor) => {
      if (actor.id === failFor) throw new Error("connection terminated");
      return "viewer";
    });
    const room = new Room("doc-roles", new ExtensionRunner([extension]), quiet);
    const uninstall = extension.onConfigure({ rooms: new Map([["doc-roles", room]]) } as unknown as CollabServerHandle);
    const publishDocumentEvent = extension.deliver.bind(extension);
    const failing = fakeConnection("editor");
    const fine = fakeConnection("editor");
    failFor = failing.connection.actor.id;
    room.admit(failing.connection);
    room.admit(fine.connection);
    publishDocumentEvent("doc-roles", { type: "members" }, { rolesChanged: true });
    await vi.waitFor(() => expect(fine.connection.role).toBe("viewer"));
    expect(failing.socket.closedWith?.code).toBe(CloseCode.internalError);
    expect(failing.connection.role).toBe("editor");
    uninstall();
    room.destroy();
  });
});
