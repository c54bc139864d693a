// Structure and formatting suggestions: each kind made through the editor's
// own commands while suggesting, checked against the server's rule
// (suggestionViolation), then accepted and rejected. Rejecting must give back
// exactly the document as it was.
import { Editor, type JSONContent } from "@tiptap/core";
import { TextSelection, type Transaction } from "@tiptap/pm/state";
import { afterEach, describe, expect, it } from "vitest";
import { documentExtensions } from "../documentExtensions";
import { BLOCK_SUGGESTION, asBlockSuggestion } from "./blockSuggestion";
import { listSuggestions } from "./listSuggestions";
import { compareSuggesterBlocks, type JSONNode } from "./projection";
import { suggestJoin, suggestSplit } from "./structureCommands";
import { SUGGESTION_SKIP_META, SUGGESTION_STRUCTURED_META } from "./meta";
import { SuggestionMode } from "./SuggestionMode";
import { suggestTransaction } from "./suggestTransaction";
import { suggestionViolation } from "./suggestionViolation";
import { AYSE, DANIEL, docJSON, paragraph, schema as testSchema, text } from "./testing";

const editorSchema = () => testSchema;

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length > 0) editors.pop()!.destroy();
});

let counter = 0;
const context = (author = AYSE) => ({ author, newId: () => `b${++counter}`, now: () => "2026-05-16T10:00:00.000Z" });

function suggestingEditor(content: JSONContent, author = AYSE): Editor {
  const blocked: string[] = [];
  const editor = new Editor({
    element: null,
    extensions: [...documentExtensions(), SuggestionMode.configure({ enabled: true, author, onBlockedEdit: (reason) => blocked.push(reason) })],
    content,
  });
  (editor as unknown as { blocked: string[] }).blocked = blocked;
  // A headless editor has no view (so Tiptap skips extensions'
  // dispatchTransaction hooks) and no plugins in its state: route its
  // dispatches through the rewrite the hook runs, keyed on the extension's storage.
  const headless = editor as unknown as { dispatchTransaction: (tr: Transaction) => void };
  const base = headless.dispatchTransaction.bind(editor);
  headless.dispatchTransaction = (tr) => {
    const exempt = !editor.storage.suggestionMode.enabled || !tr.docChanged || tr.getMeta(SUGGESTION_SKIP_META) || tr.getMeta(SUGGESTION_STRUCTURED_META);
    if (exempt) return base(tr);
    const result = suggestTransaction(tr, editor.state, { author, newId: () => `t${++counter}` });
    if (result.ok) base(result.transaction);
    else blocked.push(result.reason);
  };
  editors.push(editor);
  return editor;
}
const blockedOf = (editor: Editor) => (editor as unknown as { blocked: string[] }).blocked;

function cursorAt(editor: Editor, pos: number, to = pos) {
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos, to)));
}

/** The suggestion made: same projection as the original, and the editor accepts/rejects it as promised. */
function expectRoundTrip(editor: Editor, original: JSONContent, accepted: JSONContent) {
  const originalDoc = editor.schema.nodeFromJSON(original);
  expect(suggestionViolation(originalDoc, editor.state.doc, AYSE.id)).toBeNull();
  const suggested = editor.getJSON();
  const [suggestion] = listSuggestions(editor.state.doc);
  expect(suggestion).toBeDefined();
  editor.commands.setSuggesting(false);
  expect(editor.commands.rejectSuggestion(suggestion!.id)).toBe(true);
  expect(editor.state.doc.eq(originalDoc)).toBe(true);
  editor.commands.setContent(suggested);
  expect(editor.commands.acceptSuggestion(suggestion!.id)).toBe(true);
  expect(editor.state.doc.eq(editor.schema.nodeFromJSON(accepted))).toBe(true);
  expect(listSuggestions(editor.state.doc)).toEqual([]);
}

const heading = (level: number, value: string): JSONContent => ({ type: "heading", attrs: { level }, content: [{ type: "text", text: value }] });
const bulletList = (...items: string[]): JSONContent => ({ type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })) });

describe("splitting and joining paragraphs", () => {
  it("Enter splits a paragraph as a suggestion; reject joins it back, accept keeps both", () => {
    const original = docJSON(paragraph("Talks in Istanbul ended early."));
    const editor = suggestingEditor(original);
    cursorAt(editor, 18);
    const result = suggestSplit(editor.state, context());
    expect(result && "transaction" in result).toBe(true);
    editor.view.dispatch((result as { transaction: Parameters<Editor["view"]["dispatch"]>[0] }).transaction);
    expect(editor.state.doc.childCount).toBe(2);
    expect(asBlockSuggestion(editor.state.doc.child(1).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "split", authorId: AYSE.id });
    expect(listSuggestions(editor.state.doc)[0]).toMatchObject({ kind: "split", description: "New paragraph", authorName: AYSE.name });
    expectRoundTrip(editor, original, docJSON(paragraph("Talks in Istanbul"), paragraph(" ended early.")));
  });

  it("splits a list item with its paragraph and joins both levels back on reject", () => {
    const original = docJSON(bulletList("first second"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 9); // after "first "
    const result = suggestSplit(editor.state, context());
    editor.view.dispatch((result as { transaction: Parameters<Editor["view"]["dispatch"]>[0] }).transaction);
    expect(editor.state.doc.child(0).childCount).toBe(2);
    expectRoundTrip(editor, original, docJSON(bulletList("first ", "second")));
  });

  it("text typed into the new paragraph is the author's insertion", () => {
    const editor = suggestingEditor(docJSON(paragraph("One")));
    cursorAt(editor, 4);
    editor.view.dispatch((suggestSplit(editor.state, context()) as { transaction: never }).transaction);
    editor.commands.insertContent({ type: "text", text: "Two" });
    expect(suggestionViolation(editor.schema.nodeFromJSON(docJSON(paragraph("One"))), editor.state.doc, AYSE.id)).toBeNull();
    expect(editor.getText()).toContain("Two");
  });

  it("Backspace at a paragraph's start suggests joining; accept joins, reject leaves it", () => {
    const original = docJSON(paragraph("Ankara"), heading(2, "Kyiv"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 9); // start of the heading
    const result = suggestJoin(editor.state, context());
    editor.view.dispatch((result as { transaction: never }).transaction);
    expect(asBlockSuggestion(editor.state.doc.child(1).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "join" });
    expectRoundTrip(editor, original, docJSON(paragraph("AnkaraKyiv")));
  });

  it("Backspace at the start of one's own new paragraph withdraws it", () => {
    const original = docJSON(paragraph("AB"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 2);
    editor.view.dispatch((suggestSplit(editor.state, context()) as { transaction: never }).transaction);
    editor.view.dispatch((suggestJoin(editor.state, context()) as { transaction: never }).transaction);
    expect(editor.state.doc.eq(editor.schema.nodeFromJSON(original))).toBe(true);
  });
});

describe("block types, lists and quotes", () => {
  it("paragraph → heading records the previous type", () => {
    const original = docJSON(paragraph("Istanbul"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 3);
    editor.commands.toggleHeading({ level: 2 });
    expect(editor.state.doc.child(0).type.name).toBe("heading");
    expect(listSuggestions(editor.state.doc)[0]).toMatchObject({ kind: "change", description: "Paragraph → Heading 2" });
    expectRoundTrip(editor, original, docJSON(heading(2, "Istanbul")));
  });

  it("changing it back withdraws the suggestion", () => {
    const editor = suggestingEditor(docJSON(paragraph("Istanbul")));
    cursorAt(editor, 3);
    editor.commands.toggleHeading({ level: 2 });
    editor.commands.toggleHeading({ level: 2 });
    expect(editor.state.doc.child(0).type.name).toBe("paragraph");
    expect(listSuggestions(editor.state.doc)).toEqual([]);
  });

  it("paragraph → bulleted list wraps it; reject takes the list off", () => {
    const original = docJSON(paragraph("Prisoner exchange"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 3);
    editor.commands.toggleBulletList();
    expect(editor.state.doc.child(0).type.name).toBe("bulletList");
    expect(listSuggestions(editor.state.doc)).toHaveLength(1);
    expectRoundTrip(editor, original, docJSON(bulletList("Prisoner exchange")));
  });

  it("list → paragraphs is suggested on the list, which stays until accepted", () => {
    const original = docJSON(bulletList("one", "two"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 4);
    editor.commands.toggleBulletList();
    expect(editor.state.doc.child(0).type.name).toBe("bulletList");
    expect(asBlockSuggestion(editor.state.doc.child(0).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "unwrap" });
    expectRoundTrip(editor, original, docJSON(paragraph("one"), paragraph("two")));
  });

  it("bulleted → numbered list is a type change", () => {
    const original = docJSON(bulletList("one"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 4);
    editor.commands.toggleOrderedList();
    expect(editor.state.doc.child(0).type.name).toBe("orderedList");
    expectRoundTrip(editor, original, docJSON({ ...bulletList("one"), type: "orderedList", attrs: { start: 1, type: null } }));
  });

  it("a quote put around a paragraph", () => {
    const original = docJSON(paragraph("We will meet again"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 3);
    editor.commands.toggleBlockquote();
    expect(editor.state.doc.child(0).type.name).toBe("blockquote");
    expectRoundTrip(editor, original, docJSON({ type: "blockquote", content: [paragraph("We will meet again")] }));
  });
});

describe("bold, italic and links", () => {
  it("bold on a phrase records the formatting it had; reject restores it exactly", () => {
    const original = docJSON(paragraph("The ", text("talks", { type: "italic" }), " ended"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 1, 10);
    editor.commands.toggleBold();
    expect(editor.state.doc.child(0).child(1).marks.map((mark) => mark.type.name).sort()).toEqual(["bold", "italic", "suggestionFormat"]);
    expect(listSuggestions(editor.state.doc)[0]).toMatchObject({ kind: "format", description: "Bold", insertedText: "The talks" });
    expectRoundTrip(editor, original, docJSON(paragraph(text("The ", { type: "bold" }), text("talks", { type: "bold" }, { type: "italic" }), " ended")));
  });

  it("a link removed, then the removal rejected, comes back with its address", () => {
    const link = { type: "link", attrs: { href: "https://example.org/a" } };
    const original = docJSON(paragraph(text("source", link)));
    const editor = suggestingEditor(original);
    cursorAt(editor, 1, 7);
    editor.commands.unsetLink();
    expect(editor.isActive("link")).toBe(false);
    expectRoundTrip(editor, original, docJSON(paragraph("source")));
  });

  it("formatting one's own inserted text needs no separate suggestion", () => {
    const editor = suggestingEditor(docJSON(paragraph("A")));
    cursorAt(editor, 2);
    editor.commands.insertContent({ type: "text", text: "new" });
    cursorAt(editor, 2, 5);
    editor.commands.toggleBold();
    expect(listSuggestions(editor.state.doc).map((item) => item.kind)).toEqual(["insert"]);
  });
});

describe("figures, cards and table rows", () => {
  const figure = { type: "figure", attrs: { hash: "a".repeat(64), width: 800, height: 600, alt: "A map", caption: "", credit: "Newsroom graphics", lead: false } };

  it("removing a figure marks it; accept removes it, reject keeps it", () => {
    const original = docJSON(paragraph("Before"), figure, paragraph("After"));
    const editor = suggestingEditor(original);
    editor.commands.setNodeSelection(8);
    editor.commands.deleteSelection();
    expect(editor.state.doc.childCount).toBe(3);
    expect(asBlockSuggestion(editor.state.doc.child(1).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "delete" });
    expectRoundTrip(editor, original, docJSON(paragraph("Before"), paragraph("After")));
  });

  it("inserting a figure between blocks is suggested; reject removes it", () => {
    const original = docJSON(paragraph("Before"), paragraph("After"));
    const editor = suggestingEditor(original);
    editor.commands.insertContentAt(8, figure);
    expect(asBlockSuggestion(editor.state.doc.child(1).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "insert" });
    expectRoundTrip(editor, original, docJSON(paragraph("Before"), figure, paragraph("After")));
  });

  it("inserting a figure at a caret in the middle of a paragraph splits it as a suggestion; reject restores the paragraph", () => {
    const original = docJSON(paragraph("Before after"));
    const editor = suggestingEditor(original);
    cursorAt(editor, 7);
    editor.commands.insertFigure({ hash: "b".repeat(64), width: 800, height: 600 });
    expect(editor.state.doc.childCount).toBe(3);
    expect(asBlockSuggestion(editor.state.doc.child(1).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "insert" });
    expect(asBlockSuggestion(editor.state.doc.child(2).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "split" });
    expect(suggestionViolation(editor.schema.nodeFromJSON(original), editor.state.doc, AYSE.id)).toBeNull();
    // One suggestion (one id): the figure and the break it needs are accepted or rejected together.
    expect(listSuggestions(editor.state.doc).map((item) => [item.kind, item.description])).toEqual([["insert", "Insert figure"]]);
    editor.commands.setSuggesting(false);
    editor.commands.rejectAllSuggestions();
    expect(editor.state.doc.eq(editor.schema.nodeFromJSON(original))).toBe(true);
  });

  it("inserting a figure in an empty paragraph keeps the paragraph and suggests the figure after it", () => {
    const original = docJSON(paragraph("Text"), paragraph());
    const editor = suggestingEditor(original);
    cursorAt(editor, 7);
    editor.commands.insertFigure({ hash: "b".repeat(64), width: 800, height: 600 });
    expect(editor.state.doc.child(1).type.name).toBe("paragraph");
    expect(asBlockSuggestion(editor.state.doc.child(2).attrs[BLOCK_SUGGESTION])).toMatchObject({ kind: "insert" });
    expect(suggestionViolation(editor.schema.nodeFromJSON(original), editor.state.doc, AYSE.id)).toBeNull();
    editor.commands.setSuggesting(false);
    editor.commands.rejectAllSuggestions();
    expect(editor.state.doc.eq(editor.schema.nodeFromJSON(original))).toBe(true);
  });

  it("a new table row is suggested", () => {
    const cell = (type: string, value: string) => ({ type, content: [paragraph(value)] });
    const table = { type: "table", content: [{ type: "tableRow", content: [cell("tableHeader", "Side")] }, { type: "tableRow", content: [cell("tableCell", "Kyiv")] }] };
    const original = docJSON(table);
    const editor = suggestingEditor(original);
    cursorAt(editor, 14);
    editor.commands.addRowAfter();
    expect(listSuggestions(editor.state.doc)[0]).toMatchObject({ kind: "insert", description: "Insert table row" });
    const accepted = JSON.parse(JSON.stringify(table)) as typeof table;
    accepted.content.push({ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph" } as never] }] });
    expectRoundTrip(editor, original, docJSON(accepted));
  });
});

describe("the rule the server enforces", () => {
  const blocks = (json: JSONContent) => (json.content ?? []) as JSONNode[];
  const split = (authorId: string, authorName = "Ayşe Demir") => ({
    [BLOCK_SUGGESTION]: JSON.stringify({ id: "x1", authorId, authorName, createdAt: "2026-05-16T10:00:00.000Z", kind: "split" }),
  });

  it("accepts a split by its author and refuses a plain one or one claimed for someone else", () => {
    const before = blocks(docJSON(paragraph("AB")));
    const own = blocks(docJSON(paragraph("A"), { ...paragraph("B"), attrs: split(AYSE.id) }));
    const plain = blocks(docJSON(paragraph("A"), paragraph("B")));
    const forged = blocks(docJSON(paragraph("A"), { ...paragraph("B"), attrs: split(DANIEL.id, DANIEL.name) }));
    expect(compareSuggesterBlocks(before, own, AYSE.id, { authorName: AYSE.name })).toBeNull();
    expect(compareSuggesterBlocks(before, plain, AYSE.id)).not.toBeNull();
    expect(compareSuggesterBlocks(before, forged, AYSE.id)).not.toBeNull();
  });

  it("refuses a type change whose recorded previous type is not what the block was", () => {
    const before = blocks(docJSON(heading(2, "Kyiv")));
    const lie = blocks(
      docJSON({
        ...paragraph("Kyiv"),
        attrs: { [BLOCK_SUGGESTION]: JSON.stringify({ id: "x", authorId: AYSE.id, authorName: AYSE.name, createdAt: "2026-05-16T10:00:00.000Z", kind: "change", previous: '{"type":"paragraph"}' }) },
      }),
    );
    expect(compareSuggesterBlocks(before, lie, AYSE.id)).not.toBeNull();
  });

  it("refuses bold without a format suggestion, and one that misstates the previous formatting", () => {
    const before = blocks(docJSON(paragraph("word")));
    const plainBold = blocks(docJSON(paragraph(text("word", { type: "bold" }))));
    const format = (previous: string) => ({ type: "suggestionFormat", attrs: { id: "f", authorId: AYSE.id, authorName: AYSE.name, createdAt: "2026-05-16T10:00:00.000Z", previous } });
    expect(compareSuggesterBlocks(before, plainBold, AYSE.id)).not.toBeNull();
    expect(compareSuggesterBlocks(before, blocks(docJSON(paragraph(text("word", { type: "bold" }, format("[]"))))), AYSE.id)).toBeNull();
    expect(compareSuggesterBlocks(before, blocks(docJSON(paragraph(text("word", format('[{"type":"italic"}]'))))), AYSE.id)).not.toBeNull();
  });

  it("refuses an inserted block that carries another author's suggestion", () => {
    const before = blocks(docJSON(paragraph("A")));
    const inserted = {
      ...paragraph(text("planted", { type: "suggestionInsert", attrs: { id: "d", authorId: DANIEL.id, authorName: DANIEL.name, createdAt: "2026-05-16T10:00:00.000Z" } })),
      attrs: { [BLOCK_SUGGESTION]: JSON.stringify({ id: "i", authorId: AYSE.id, authorName: AYSE.name, createdAt: "2026-05-16T10:00:00.000Z", kind: "insert" }) },
    };
    expect(compareSuggesterBlocks(before, blocks(docJSON(paragraph("A"), inserted)), AYSE.id)).not.toBeNull();
  });

  it("the author cannot accept their own split by dropping its attribute, even when only that block changed", () => {
    const withSplit = editorSchema().nodeFromJSON(docJSON(paragraph("A"), { ...paragraph("B"), attrs: split(AYSE.id) }));
    const accepted = editorSchema().nodeFromJSON(docJSON(paragraph("A"), paragraph("B")));
    // Same first block object on both sides, as ProseMirror keeps it.
    const acceptedSharingFirst = withSplit.copy(withSplit.content.replaceChild(1, accepted.child(1)));
    expect(suggestionViolation(withSplit, acceptedSharingFirst, AYSE.id)).not.toBeNull();
  });

  it("another author cannot accept a suggestion by dropping its attribute", () => {
    const withSplit = blocks(docJSON(paragraph("A"), { ...paragraph("B"), attrs: split(AYSE.id) }));
    const accepted = blocks(docJSON(paragraph("A"), paragraph("B")));
    expect(compareSuggesterBlocks(withSplit, accepted, DANIEL.id)).not.toBeNull();
  });

  it("the editor drops edits it cannot express, and says why", () => {
    const editor = suggestingEditor(docJSON(paragraph("Kyiv"), paragraph("Ankara")));
    cursorAt(editor, 2, 10); // across two paragraphs
    editor.commands.toggleHeading({ level: 2 });
    expect(editor.state.doc.child(0).type.name).toBe("heading"); // two type changes, one suggestion
    expect(suggestionViolation(editor.schema.nodeFromJSON(docJSON(paragraph("Kyiv"), paragraph("Ankara"))), editor.state.doc, AYSE.id)).toBeNull();
    expect(blockedOf(editor)).toEqual([]);
  });
});
