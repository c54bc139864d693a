// Rule L2 for updates: refused before anything is applied (closed with 1002).
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CloseCode } from "../../../lib/closeCodes";
import type { Room } from "../Room";
import { fakeConnection } from "../testing";

const room = { documentId: "doc-1" } as Room;
import { findUpdateProblem, UpdateValidationExtension } from "./UpdateValidationExtension";

function anUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "hello");
  doc.getText("t").delete(1, 2);
  return Y.encodeStateAsUpdate(doc);
}

describe("UpdateValidationExtension (L2)", () => {
  it("passes a valid update", () => {
    expect(findUpdateProblem(anUpdate())).toBeNull();
    const { connection, socket } = fakeConnection();
    expect(new UpdateValidationExtension().beforeApplyUpdate({ room, connection, update: anUpdate() })).toBeUndefined();
    expect(socket.closedWith).toBeUndefined();
  });

  it("refuses an update cut short (its delete set would be read only after its items were integrated) and closes with 1002", () => {
    const update = anUpdate();
    for (let length = 1; length < update.length; length++) {
      expect(findUpdateProblem(update.slice(0, length)), `cut at ${length}`).not.toBeNull();
    }
    const { connection, socket } = fakeConnection();
    expect(new UpdateValidationExtension().beforeApplyUpdate({ room, connection, update: update.slice(0, update.length - 1) })).toEqual({ action: "drop" });
    expect(socket.closedWith?.code).toBe(CloseCode.protocolError);
  });
});
