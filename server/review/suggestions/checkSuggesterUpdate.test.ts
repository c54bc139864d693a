import type { JSONContent } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../../lib/editor/documentExtensions";
import { deleteCharacterCommand } from "../../../lib/editor/suggestions/deleteCommands";
import { listSuggestions } from "../../../lib/editor/suggestions/listSuggestions";
import { reviewSuggestionsTransaction, suggestionMatcher } from "../../../lib/editor/suggestions/review";
import {
  AYSE,
  DANIEL,
  attrs,
  bold,
  commandTransaction,
  del,
  ins,
  paragraph,
  suggest,
  text,
} from "../../../lib/editor/suggestions/testing";
import { documentJSONFromYDoc, yDocFromJSON } from "../../documents/documentState";
import { BoundEditor } from "./boundEditor.testing";
import { SuggesterUpdateGate, checkSuggesterUpdate } from "./checkSuggesterUpdate";

/** A server doc and a client doc synced with it, like a browser connected to a room. */
function connect(...blocks: JSONContent[]) {
  const server = yDocFromJSON({ type: "doc", content: blocks });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const fragment = client.getXmlFragment(DOCUMENT_FRAGMENT);
  /** The update a client change produces (what the socket would carry). */
  const change = (edit: (fragment: Y.XmlFragment) => void): Uint8Array => {
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array) => updates.push(update);
    client.on("update", onUpdate);
    client.transact(() => edit(fragment));
    client.off("update", onUpdate);
    return Y.mergeUpdates(updates);
  };
  return { server, client, change };
}

const textOf = (fragment: Y.XmlFragment, block = 0) => (fragment.get(block) as Y.XmlElement).get(0) as Y.XmlText;
/** What a refusal of content changes looks like. */
const REFUSED = { ok: false, reason: expect.stringContaining("outside the author's own suggestions") };
const check = (server: Y.Doc, update: Uint8Array, author = AYSE) => checkSuggesterUpdate(server, update, author.id);

describe("checkSuggesterUpdate", () => {
  it("refuses a plain insertion", () => {
    const { server, change } = connect(paragraph("Hello world"));
    const update = change((f) => textOf(f).insert(5, ","));
    expect(check(server, update)).toEqual(REFUSED);
  });

  it("accepts an insertion wrapped in the author's own suggestionInsert", () => {
    const { server, change } = connect(paragraph("Hello world"));
    const update = change((f) => textOf(f).insert(5, ", dear", { suggestionInsert: attrs(AYSE, "s1") }));
    expect(check(server, update)).toEqual({ ok: true });
  });

  it("accepts marking text with the author's own suggestionDelete, and withdrawing it", () => {
    const { server, change } = connect(paragraph("Hello ", text("world", bold)));
    const mark = change((f) => textOf(f).format(3, 5, { suggestionDelete: attrs(AYSE, "s1") }));
    expect(check(server, mark)).toEqual({ ok: true });
    Y.applyUpdate(server, mark);
    const withdraw = change((f) => textOf(f).format(3, 5, { suggestionDelete: null }));
    expect(check(server, withdraw)).toEqual({ ok: true });
  });

  it("accepts extending and withdrawing the author's own insertion", () => {
    const { server, change } = connect(paragraph("Hello", text(" there", ins(AYSE, "s1")), "!"));
    expect(check(server, change((f) => textOf(f).insert(11, " you", { suggestionInsert: attrs(AYSE, "s1") })))).toEqual({ ok: true });
    expect(check(server, change((f) => textOf(f).delete(5, 6)))).toEqual({ ok: true });
  });

  it("refuses removing text", () => {
    const { server, change } = connect(paragraph("Hello world"));
    expect(check(server, change((f) => textOf(f).delete(0, 6)))).toMatchObject(REFUSED);
  });

  it("refuses a suggestion mark carrying another author's id", () => {
    const { server, change } = connect(paragraph("Hello world"));
    expect(check(server, change((f) => textOf(f).insert(5, "X", { suggestionInsert: attrs(DANIEL, "s1") })))).toMatchObject(REFUSED);
    const { server: server2, change: change2 } = connect(paragraph("Hello world"));
    expect(check(server2, change2((f) => textOf(f).format(0, 5, { suggestionDelete: attrs(DANIEL, "s1") })))).toMatchObject(REFUSED);
    // …also on the author's own inserted text, where the projection alone would not see it.
    const { server: server3, change: change3 } = connect(paragraph("Hi", text(" there", ins(AYSE, "s1"))));
    expect(check(server3, change3((f) => textOf(f).format(2, 3, { suggestionDelete: attrs(DANIEL, "x") })))).toMatchObject(REFUSED);
  });

  it("refuses changing someone else's suggestion", () => {
    const blocks = [paragraph("Hi", text(" there", ins(DANIEL, "d1")), text(" old", del(DANIEL, "d2")), "!")];
    const cases: [string, (f: Y.XmlFragment) => void][] = [
      ["accepting their insertion", (f) => textOf(f).format(2, 6, { suggestionInsert: null })],
      ["rejecting their insertion", (f) => textOf(f).delete(2, 6)],
      ["accepting their deletion", (f) => textOf(f).delete(8, 4)],
      ["rejecting their deletion", (f) => textOf(f).format(8, 4, { suggestionDelete: null })],
      ["re-attributing their insertion", (f) => textOf(f).format(2, 6, { suggestionInsert: attrs(AYSE, "d1") })],
      ["typing into their insertion under their name", (f) => textOf(f).insert(4, "X", { suggestionInsert: attrs(DANIEL, "d1") })],
    ];
    for (const [label, edit] of cases) {
      const { server, change } = connect(...blocks);
      expect(check(server, change(edit)), label).toMatchObject(REFUSED);
    }
    // Striking someone else's suggested insertion is a suggestion of one's own.
    const { server, change } = connect(...blocks);
    expect(check(server, change((f) => textOf(f).format(2, 6, { suggestionDelete: attrs(AYSE, "s9") })))).toEqual({ ok: true });
  });

  it("refuses a formatting change", () => {
    const { server, change } = connect(paragraph("Hello world"));
    expect(check(server, change((f) => textOf(f).format(0, 5, { bold: {} })))).toMatchObject(REFUSED);
  });

  it("refuses self-accepting: claiming existing text or dropping one's own insertion mark", () => {
    const blocks = [paragraph("Hello", text(" there", ins(AYSE, "s1")))];
    const claim = connect(...blocks);
    expect(check(claim.server, claim.change((f) => textOf(f).format(0, 5, { suggestionInsert: attrs(AYSE, "s2") })))).toMatchObject(REFUSED);
    const unmark = connect(...blocks);
    expect(check(unmark.server, unmark.change((f) => textOf(f).format(5, 6, { suggestionInsert: null })))).toMatchObject(REFUSED);
  });

  it("refuses structure changes: new paragraphs, attributes", () => {
    const blocks = [paragraph("Hello"), { type: "heading", attrs: { level: 2 }, content: [text("Title")] }];
    const split = connect(...blocks);
    const newParagraph = split.change((f) => {
      const element = new Y.XmlElement("paragraph");
      element.insert(0, [new Y.XmlText()]);
      f.insert(1, [element]);
    });
    expect(check(split.server, newParagraph)).toMatchObject(REFUSED);
    const level = connect(...blocks);
    const update = level.change((f) => (f.get(1) as Y.XmlElement).setAttribute("level", 3 as unknown as string));
    expect(check(level.server, update)).toMatchObject(REFUSED);
  });

  it("refuses changes outside the document body and updates with missing dependencies", () => {
    const { server, client } = connect(paragraph("Hello"));
    const outside = (() => {
      const updates: Uint8Array[] = [];
      client.on("update", (update: Uint8Array) => updates.push(update));
      client.getMap("comments").set("x", 1);
      return Y.mergeUpdates(updates);
    })();
    expect(check(server, outside)).toEqual({ ok: false, reason: expect.stringContaining("outside the document body") });

    // A second update sent without the first (which the server refused or never got).
    const fresh = connect(paragraph("Hello"));
    const first = fresh.change((f) => textOf(f).insert(5, "!", { suggestionInsert: attrs(AYSE, "s1") }));
    const second = fresh.change((f) => textOf(f).insert(6, "?", { suggestionInsert: attrs(AYSE, "s1") }));
    expect(check(fresh.server, first)).toEqual({ ok: true });
    expect(check(fresh.server, second)).toEqual({ ok: false, reason: expect.stringContaining("does not have") });
  });

  it("refuses own insertions the schema does not allow (unknown or duplicated marks)", () => {
    const own = { suggestionInsert: attrs(AYSE, "s1") };
    const unknown = connect(paragraph("Hello"));
    expect(check(unknown.server, unknown.change((f) => textOf(f).insert(5, "!", { ...own, evil: {} })))).toEqual({
      ok: false,
      reason: expect.stringContaining("schema"),
    });
    const duplicated = connect(paragraph("Hello"));
    const update = duplicated.change((f) => textOf(f).insert(5, "!", { ...own, "suggestionInsert--AAAAAAAA": attrs(AYSE, "s2") }));
    expect(check(duplicated.server, update)).toEqual({ ok: false, reason: expect.stringContaining("schema") });
    const formatted = connect(paragraph("Hello"));
    expect(check(formatted.server, formatted.change((f) => textOf(f).insert(5, "!", { ...own, bold: {}, link: { href: "https://example.org" } })))).toEqual({
      ok: true,
    });
  });

  it("refuses a malformed update and accepts an empty one", () => {
    const { server } = connect(paragraph("Hello"));
    expect(check(server, new Uint8Array([1, 2, 3, 250, 251]))).toMatchObject({ ok: false });
    expect(check(server, Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ ok: true });
  });

  it("checks the author name of new suggestions when given", () => {
    const { server, change } = connect(paragraph("Hello"));
    const update = change((f) => textOf(f).insert(5, "!", { suggestionInsert: attrs(AYSE, "s1") }));
    expect(checkSuggesterUpdate(server, update, AYSE.id, { authorName: AYSE.name })).toEqual({ ok: true });
    expect(checkSuggesterUpdate(server, update, AYSE.id, { authorName: "Maria Keller" })).toEqual({
      ok: false,
      reason: expect.stringContaining("another author name"),
    });
  });

  it("never modifies the room's document", () => {
    const { server, change } = connect(paragraph("Hello"));
    const before = Y.encodeStateVector(server);
    const json = JSON.stringify(documentJSONFromYDoc(server));
    expect(check(server, change((f) => textOf(f).insert(5, "!", { suggestionInsert: attrs(AYSE, "s1") })))).toEqual({ ok: true });
    expect(Y.encodeStateVector(server)).toEqual(before);
    expect(JSON.stringify(documentJSONFromYDoc(server))).toBe(json);
  });
});

describe("SuggesterUpdateGate", () => {
  it("applies valid suggestions, drops the rest, and follows other changes to the document", () => {
    const { server, client, change } = connect(paragraph("Hello world"));
    const gate = new SuggesterUpdateGate(server);
    const applied: unknown[] = [];
    server.on("update", (_update: Uint8Array, origin: unknown) => applied.push(origin));
    try {
      expect(gate.apply(change((f) => textOf(f).insert(5, ",", { suggestionInsert: attrs(AYSE, "s1") })), AYSE.id, "conn")).toEqual({ ok: true });
      expect(applied).toEqual(["conn"]);

      // An editor's change reaches the document directly; the gate keeps up.
      const editor = new Y.Doc();
      Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
      editor.on("update", (update: Uint8Array) => {
        Y.applyUpdate(server, update, "editor");
        Y.applyUpdate(client, update);
      });
      textOf(editor.getXmlFragment(DOCUMENT_FRAGMENT)).insert(0, "Oh, ");

      // A refused update is not applied; the next valid one still is.
      expect(gate.apply(change((f) => textOf(f).delete(0, 4)), AYSE.id, "conn")).toEqual(REFUSED);
      expect(applied).toEqual(["conn", "editor"]);
      // (From a fresh client: the old one's next update would depend on the refused one.)
      const valid = (() => {
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
        const updates: Uint8Array[] = [];
        fresh.on("update", (update: Uint8Array) => updates.push(update));
        textOf(fresh.getXmlFragment(DOCUMENT_FRAGMENT)).format(0, 2, { suggestionDelete: attrs(AYSE, "s2") });
        return Y.mergeUpdates(updates);
      })();
      expect(gate.apply(valid, AYSE.id, "conn")).toEqual({ ok: true });
      expect(documentJSONFromYDoc(server).content?.[0]?.content?.map((node) => node.text)).toEqual(["Oh", ", Hello", ",", " world"]);
    } finally {
      gate.destroy();
    }
  });
});

describe("the browser's suggestions pass the server's check", () => {
  /** A client editor bound to a Y.Doc the way y-tiptap binds it: edits reach Yjs through updateYFragment. */
  function editorSession(...blocks: JSONContent[]) {
    const { server, client } = connect(...blocks);
    const editor = new BoundEditor(client);
    return { server, get state() { return editor.state; }, commit: (next: EditorState) => editor.commit(next) };
  }

  it("typing, Backspace, replacing and withdrawing as a suggester are all accepted; a plain edit is not", () => {
    const session = editorSession(paragraph("The quick ", text("brown", bold), " fox"), paragraph("Second paragraph"));
    const accept = (update: Uint8Array) => {
      expect(checkSuggesterUpdate(session.server, update, AYSE.id)).toEqual({ ok: true });
      Y.applyUpdate(session.server, update);
    };
    let state = session.state;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 11)));
    accept(session.commit((state = suggest(state, state.tr.insertText("very ")))));
    accept(session.commit((state = suggest(state, commandTransaction(state, deleteCharacterCommand(-1))!))));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5, 10)));
    accept(session.commit((state = suggest(state, state.tr.insertText("slow")))));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.firstChild!.nodeSize + 2, state.doc.firstChild!.nodeSize + 8)));
    accept(session.commit((state = suggest(state, state.tr.deleteSelection()))));
    // Withdrawing one's own suggestion (reject) is allowed too.
    const insertion = listSuggestions(state.doc).find((suggestion) => suggestion.kind === "insert")!;
    expect(insertion.insertedText).toBe("very");
    accept(session.commit((state = state.apply(reviewSuggestionsTransaction(state, "reject", suggestionMatcher(insertion.id))!))));

    expect(checkSuggesterUpdate(session.server, session.commit(state.apply(state.tr.insertText("plain", 1))), AYSE.id)).toEqual(REFUSED);
  });
});
