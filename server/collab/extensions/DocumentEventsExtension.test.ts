// Rule E1: an event a route handler publishes reaches every connection of the open document.
import { describe, expect, it, vi } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { DOCUMENT_EVENT_MESSAGE } from "../../../lib/review/reviewTypes";
import { publishDocumentEvent } from "../documentEvents";
import type { CollabServerHandle } from "../extension";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection, settle } from "../testing";
import { DocumentEventsExtension } from "./DocumentEventsExtension";

const quiet = { info: () => {}, error: () => {} };

describe("DocumentEventsExtension (E1)", () => {
  it("delivers published events to the room's connections, and nothing once uninstalled", async () => {
    const extension = new DocumentEventsExtension();
    const room = new Room("doc-events", new ExtensionRunner([extension]), quiet);
    const uninstall = extension.onConfigure({ rooms: new Map([["doc-events", room]]) } as unknown as CollabServerHandle);
    const a = fakeConnection();
    const b = fakeConnection();
    room.admit(a.connection);
    room.admit(b.connection);
    publishDocumentEvent("doc-events", { type: "document", title: "Istanbul talks", reviewMode: false, status: "draft" });
    await settle();
    expect(a.socket.messageTypes()).toContain(DOCUMENT_EVENT_MESSAGE);
    expect(b.socket.messageTypes()).toContain(DOCUMENT_EVENT_MESSAGE);
    uninstall();
    const before = a.socket.sent.length;
    publishDocumentEvent("doc-events", { type: "document", title: "Istanbul talks", reviewMode: false, status: "draft" });
    await settle();
    expect(a.socket.sent.length).toBe(before);
    room.destroy();
  });

  it("A5: closes a connection whose role cannot be looked up again with 1011 (fail closed), keeps the others' new roles", async () => {
    let failFor = "";
    const extension = new DocumentEventsExtension(async (actor) => {
      if (actor.id === failFor) throw new Error("connection terminated");
      return "viewer";
    });
    const room = new Room("doc-roles", new ExtensionRunner([extension]), quiet);
    const uninstall = extension.onConfigure({ rooms: new Map([["doc-roles", room]]) } as unknown as CollabServerHandle);
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
