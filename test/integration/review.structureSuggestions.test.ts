// SYNC.md rule A6, extended to structure and formatting: a suggester's
// paragraph breaks, block type changes and bold reach everyone when they are
// their own suggestions, and are refused otherwise. Real sync server, real
// PostgreSQL, real y-websocket clients; the clients edit through the same
// code the browser runs (lib/editor/suggestions) and reach Yjs the way the
// editor's binding does (updateYFragment).
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { toggleMark } from "@tiptap/pm/commands";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { BLOCK_SUGGESTION, asBlockSuggestion } from "../../lib/editor/suggestions/blockSuggestion";
import { listSuggestions } from "../../lib/editor/suggestions/listSuggestions";
import { reviewSuggestionsTransaction, suggestionMatcher } from "../../lib/editor/suggestions/review";
import { suggestSplit } from "../../lib/editor/suggestions/structureCommands";
import { suggestTransaction } from "../../lib/editor/suggestions/suggestTransaction";
import { DOCUMENT_EVENT_MESSAGE, type DocumentEvent } from "../../lib/review/reviewTypes";
import { loadCurrentDocument } from "../../server/documents/currentContent";
import { documentJSONFromYDoc, documentSchema } from "../../server/documents/documentState";
import type { CollabClient } from "../support/collabClient";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

function refusals(client: CollabClient): string[] {
  const reasons: string[] = [];
  client.provider.messageHandlers[DOCUMENT_EVENT_MESSAGE] = (_encoder, decoder) => {
    const event = JSON.parse(decoding.readVarString(decoder)) as DocumentEvent;
    if (event.type === "update-refused") reasons.push(event.reason);
  };
  return reasons;
}

/** Runs an editor change on a client's document, as its browser editor would, and writes it to Yjs. */
function edit(client: CollabClient, change: (state: EditorState) => Transaction | null): void {
  const schema = documentSchema();
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema) });
  const tr = change(state);
  if (!tr) throw new Error("the change made no transaction");
  client.doc.transact(() => updateYFragment(client.doc, fragment, state.apply(tr).doc, { mapping: new Map(), isOMark: new Map() }));
}

const at = (state: EditorState, from: number, to = from) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
const blocks = (client: CollabClient) => documentJSONFromYDoc(client.doc).content ?? [];
const blockTexts = (client: CollabClient) => blocks(client).map((block) => (block.content ?? []).map((node) => node.text ?? "").join(""));

describe("structure and formatting suggestions on the socket (A6)", () => {
  const harness = useTestServer();

  async function setup() {
    const [owner, member] = await Promise.all([createTestUser("editor", "Maria Editor"), createTestUser("analyst", "Daniel Analyst")]);
    const document = await createTestDocument(owner!, [{ id: member!.id, role: "suggester" }]);
    const editor = harness.connect(document.id, await sessionCookie(owner!));
    await editor.waitSynced();
    editor.appendParagraph("Talks in Istanbul ended after two hours.");
    editor.appendParagraph("Both sides agreed to exchange prisoners.");
    const suggester = harness.connect(document.id, await sessionCookie(member!));
    const refused = refusals(suggester);
    await suggester.waitSynced();
    await waitFor(() => blockTexts(suggester).length === 2);
    const author = { id: member!.id, name: member!.name ?? "" };
    // A refused client is out of step with the room (the browser reloads); tests start a new one.
    const reconnect = async () => {
      const client = harness.connect(document.id, await sessionCookie(member!));
      const reasons = refusals(client);
      await client.waitSynced();
      await waitFor(() => blockTexts(client).length === blockTexts(editor).length);
      return { client, reasons };
    };
    return { owner: owner!, member: member!, document, editor, suggester, refused, author, reconnect };
  }

  it("applies a suggester's paragraph break, bold and heading change, and the editor accepts one and rejects the others", async () => {
    const { editor, suggester, refused, author, document } = await setup();

    // Enter after "Istanbul", as the suggesting editor's keymap does.
    edit(suggester, (state) => {
      const result = suggestSplit(at(state, 18), { author, newId: () => "split-1" });
      return result && "transaction" in result ? result.transaction : null;
    });
    await waitFor(() => blockTexts(editor).length === 3, { message: "the paragraph break to reach the editor" });
    expect(blockTexts(editor)).toEqual(["Talks in Istanbul", " ended after two hours.", "Both sides agreed to exchange prisoners."]);
    expect(asBlockSuggestion(blocks(editor)[1]!.attrs?.[BLOCK_SUGGESTION])).toMatchObject({ kind: "split", authorId: author.id, authorName: author.name });

    // Bold on "Both sides", as the toolbar's Bold does.
    edit(suggester, (state) => {
      const selected = at(state, 45, 55);
      let tr: Transaction | null = null;
      toggleMark(state.schema.marks.bold!)(selected, (made) => (tr = made));
      const result = suggestTransaction(tr!, selected, { author, newId: () => "bold-1" });
      return result.ok ? result.transaction : null;
    });
    await waitFor(() => JSON.stringify(blocks(editor)[2]).includes('"bold"'), { message: "the bold suggestion to reach the editor" });

    // The third paragraph becomes a heading.
    edit(suggester, (state) => {
      const selected = at(state, 47);
      const result = suggestTransaction(selected.tr.setBlockType(47, 47, state.schema.nodes.heading!, { level: 2 }), selected, { author, newId: () => "heading-1" });
      return result.ok ? result.transaction : null;
    });
    await waitFor(() => blocks(editor)[2]!.type === "heading", { message: "the heading suggestion to reach the editor" });
    expect(refused).toEqual([]);

    // The editor's sidebar lists all three; accept the break, reject bold and the heading.
    const listed = listSuggestions(documentSchema().nodeFromJSON(documentJSONFromYDoc(editor.doc)));
    expect(listed.map((item) => [item.id, item.kind, item.authorName])).toEqual([
      ["split-1", "split", author.name],
      ["heading-1", "change", author.name],
      ["bold-1", "format", author.name],
    ]);
    edit(editor, (state) => reviewSuggestionsTransaction(state, "accept", suggestionMatcher("split-1")));
    edit(editor, (state) => reviewSuggestionsTransaction(state, "reject", (attrs) => attrs.id !== "split-1"));

    const expected = [
      { type: "paragraph", content: [{ type: "text", text: "Talks in Istanbul" }] },
      { type: "paragraph", content: [{ type: "text", text: " ended after two hours." }] },
      { type: "paragraph", content: [{ type: "text", text: "Both sides agreed to exchange prisoners." }] },
    ];
    await waitFor(() => JSON.stringify(blocks(suggester)) === JSON.stringify(expected), { message: "both clients to show the reviewed text" });
    expect(blocks(editor)).toEqual(expected);
    // And that is what is stored.
    await harness.server.collab.rooms.get(document.id)!.store("request");
    const stored = await loadCurrentDocument(document.id);
    expect(documentJSONFromYDoc(stored).content).toEqual(expected);
  });

  it("refuses structure and formatting changed outside the suggester's own suggestions", async () => {
    const { editor, author, reconnect } = await setup();
    const before = JSON.stringify(blocks(editor));
    const attempts: [string, (state: EditorState) => Transaction | null][] = [
      ["a plain paragraph break", (state) => state.tr.split(18)],
      ["plain bold", (state) => state.tr.addMark(1, 6, state.schema.marks.bold!.create())],
      [
        "a heading change that misstates what the block was",
        (state) =>
          state.tr.setNodeMarkup(0, state.schema.nodes.heading!, {
            level: 2,
            [BLOCK_SUGGESTION]: JSON.stringify({ id: "x", authorId: author.id, authorName: author.name, createdAt: new Date().toISOString(), kind: "change", previous: '{"type":"heading","attrs":{"level":2}}' }),
          }),
      ],
      [
        "a paragraph break claimed for someone else",
        (state) => {
          const result = suggestSplit(at(state, 18), { author: { id: "someone-else", name: author.name }, newId: () => "forged" });
          return result && "transaction" in result ? result.transaction : null;
        },
      ],
    ];
    for (const [what, change] of attempts) {
      const { client, reasons } = await reconnect();
      edit(client, change);
      await waitFor(() => reasons.length === 1, { message: `${what} to be refused` });
      client.destroy();
    }
    editor.appendParagraph("Marker.");
    const { client } = await reconnect();
    expect(blockTexts(client)).toEqual(["Talks in Istanbul ended after two hours.", "Both sides agreed to exchange prisoners.", "Marker."]);
    expect(JSON.stringify(blocks(editor).slice(0, 2))).toBe(JSON.stringify(JSON.parse(before)));
  });

  it("applies a figure a suggester inserts inside a paragraph (with its paragraph break); the editor's reject restores the paragraph", async () => {
    const { editor, suggester, refused, author } = await setup();
    const hash = "c".repeat(64);
    edit(suggester, (state) => {
      const selected = at(state, 18);
      const tr = selected.tr.replaceSelectionWith(state.schema.nodes.figure!.create({ hash, width: 800, height: 600, alt: "", caption: "", credit: "", lead: false }));
      const result = suggestTransaction(tr, selected, { author, newId: () => "figure-1" });
      return result.ok ? result.transaction : null;
    });
    await waitFor(() => blocks(editor).some((block) => block.type === "figure"), { message: "the figure to reach the editor" });
    expect(blocks(editor).map((block) => [block.type, asBlockSuggestion(block.attrs?.[BLOCK_SUGGESTION])?.kind ?? null])).toEqual([
      ["paragraph", null],
      ["figure", "insert"],
      ["paragraph", "split"],
      ["paragraph", null],
    ]);
    expect(refused).toEqual([]);
    edit(editor, (state) => reviewSuggestionsTransaction(state, "reject", suggestionMatcher("figure-1")));
    await waitFor(() => blockTexts(suggester).length === 2 && !blocks(suggester).some((block) => block.type === "figure"), { message: "the rejection to reach the suggester" });
    expect(blockTexts(suggester)).toEqual(["Talks in Istanbul ended after two hours.", "Both sides agreed to exchange prisoners."]);
  });

  it("a suggester cannot accept their own structure suggestion, only withdraw it", async () => {
    const { editor, suggester, author, reconnect } = await setup();
    edit(suggester, (state) => {
      const result = suggestSplit(at(state, 18), { author, newId: () => "split-2" });
      return result && "transaction" in result ? result.transaction : null;
    });
    await waitFor(() => blockTexts(editor).length === 3);
    const first = await reconnect();
    edit(first.client, (state) => reviewSuggestionsTransaction(state, "accept", suggestionMatcher("split-2")));
    await waitFor(() => first.reasons.length === 1, { message: "accepting one's own break to be refused" });
    expect(asBlockSuggestion(blocks(editor)[1]!.attrs?.[BLOCK_SUGGESTION])?.kind).toBe("split");

    const second = await reconnect();
    edit(second.client, (state) => reviewSuggestionsTransaction(state, "reject", suggestionMatcher("split-2")));
    await waitFor(() => blockTexts(editor).length === 2, { message: "the withdrawal to reach the editor" });
    expect(blockTexts(editor)[0]).toBe("Talks in Istanbul ended after two hours.");
    expect(second.reasons).toEqual([]);
  });
});
