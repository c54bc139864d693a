// Rule L4: more sockets than the limit for one user on one document are refused with 4429.
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { CollabRefusal, ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection } from "../testing";
import { ConnectionLimitExtension } from "./ConnectionLimitExtension";

const quiet = { info: () => {}, error: () => {} };

describe("ConnectionLimitExtension (L4)", () => {
  it("refuses the third socket of one user when the limit is two; another user still gets in", () => {
    const room = new Room("doc", new ExtensionRunner([new ConnectionLimitExtension(2)]), quiet);
    room.admit(fakeConnection("editor", "ayse").connection);
    room.admit(fakeConnection("editor", "ayse").connection);
    let refusal: unknown;
    try {
      room.admit(fakeConnection("editor", "ayse").connection);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CollabRefusal);
    expect((refusal as CollabRefusal).code).toBe(CloseCode.tooManyConnections);
    expect(() => room.admit(fakeConnection("editor", "daniel").connection)).not.toThrow();
    expect(room.connections.size).toBe(3);
    room.destroy();
  });
});
