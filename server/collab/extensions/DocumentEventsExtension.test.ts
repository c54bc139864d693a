// Rule E1: an event a route handler publishes reaches every connection of the open document.
import { describe, expect, it } from "vitest";
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
});
