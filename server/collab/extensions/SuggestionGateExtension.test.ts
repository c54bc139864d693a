// Rule A6: suggesters' updates go through the gate; a plain edit is refused and changes nothing.
import { documentTextFromYDoc } from "../../documents/documentState";
import { describe, expect, it } from "vitest";
import { ExtensionRunner } from "../extension";
import { Room } from "../Room";
import { fakeConnection, stateOf, typist } from "../testing";
import { SuggestionGateExtension } from "./SuggestionGateExtension";

const quiet = { info: () => {}, error: () => {} };

describe("SuggestionGateExtension (A6)", () => {
  it("has no say over editors' updates", () => {
    const extension = new SuggestionGateExtension();
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const verdict = extension.beforeApplyUpdate({ room, connection: fakeConnection("editor").connection, update: new Uint8Array() });
    expect(verdict).toBeUndefined();
    room.destroy();
  });

  it("refuses a suggester's plain text and leaves the document unchanged", () => {
    const extension = new SuggestionGateExtension();
    const room = new Room("doc", new ExtensionRunner([extension]), quiet);
    const verdict = extension.beforeApplyUpdate({ room, connection: fakeConnection("suggester").connection, update: stateOf(typist("unmarked text").doc) });
    expect(verdict?.action).toBe("applyWith");
    const result = verdict?.action === "applyWith" ? verdict.apply() : undefined;
    expect(result?.ok).toBe(false);
    expect(documentTextFromYDoc(room.doc)).toBe("");
    extension.afterUnloadDocument({ room });
    room.destroy();
  });
});
