import { Editor } from "@tiptap/core";
import { splitBlock, toggleMark } from "@tiptap/pm/commands";
import { Fragment, Slice } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { documentExtensions } from "../documentExtensions";
import { deleteCharacterCommand } from "./deleteCommands";
import { listSuggestions } from "./listSuggestions";
import { SUGGESTION_REWRITTEN_META } from "./meta";
import { reviewSuggestionsTransaction, filterMatcher, suggestionMatcher } from "./review";
import { SuggestionMode, isSuggesting, rewriteForSuggesting, suggestionModePlugin, suggestionModePluginKey } from "./SuggestionMode";
import { suggestionViolation } from "./suggestionViolation";
import {
  AYSE,
  CREATED_AT,
  DANIEL,
  bold,
  commandTransaction,
  del,
  docJSON,
  ins,
  paragraph,
  refusal,
  resetIds,
  schema,
  show,
  stateOf,
  suggest,
  text,
} from "./testing";

beforeEach(() => resetIds());

const backspace = deleteCharacterCommand(-1);
const forwardDelete = deleteCharacterCommand(1);

function pressBackspace(state: ReturnType<typeof stateOf>, author = AYSE) {
  const tr = commandTransaction(state, backspace);
  return tr ? suggest(state, tr, author) : state;
}

describe("schema", () => {
  it("has both marks, non-inclusive, coexisting with each other and with bold, italic and link", () => {
    const insert = schema.marks.suggestionInsert!;
    const remove = schema.marks.suggestionDelete!;
    expect(insert.spec.inclusive).toBe(false);
    expect(remove.spec.inclusive).toBe(false);
    for (const other of ["bold", "italic", "link", "suggestionDelete"]) {
      expect(insert.excludes(schema.marks[other]!)).toBe(false);
      expect(schema.marks[other]!.excludes(insert)).toBe(false);
    }
    expect(remove.excludes(schema.marks.bold!)).toBe(false);
    const node = schema.nodeFromJSON(
      docJSON(paragraph(text("x", bold, { type: "italic" }, { type: "link", attrs: { href: "https://example.org" } }, ins(AYSE, "1"), del(DANIEL, "2")))),
    );
    expect(() => node.check()).not.toThrow();
    expect(node.firstChild!.firstChild!.marks.map((mark) => mark.type.name).sort()).toEqual(
      ["bold", "italic", "link", "suggestionDelete", "suggestionInsert"].sort(),
    );
  });

  it("renders <ins>/<del> with the suggestion's data attributes", () => {
    const mark = schema.marks.suggestionInsert!.create({ id: "s1", authorId: "a", authorName: "Ayşe", createdAt: CREATED_AT });
    const spec = schema.marks.suggestionInsert!.spec.toDOM!(mark, true) as unknown as [string, Record<string, string>, number];
    expect(spec[0]).toBe("ins");
    expect(spec[1]).toMatchObject({
      class: "suggestion suggestion-insert",
      "data-suggestion-id": "s1",
      "data-author-id": "a",
      "data-author-name": "Ayşe",
      "data-created-at": CREATED_AT,
    });
    const delSpec = schema.marks.suggestionDelete!.spec.toDOM!(schema.marks.suggestionDelete!.create(mark.attrs), true) as unknown as [
      string,
      Record<string, string>,
    ];
    expect(delSpec[0]).toBe("del");
    expect(delSpec[1].class).toBe("suggestion suggestion-delete");
    expect(schema.marks.suggestionDelete!.spec.parseDOM).toEqual([expect.objectContaining({ tag: "del[data-suggestion-id]" })]);
  });
});

describe("typing in suggesting mode", () => {
  it("inserts typed text with the author's suggestionInsert mark, one suggestion for consecutive typing", () => {
    let state = stateOf([paragraph("Hello world")], { from: 6 });
    state = suggest(state, state.tr.insertText(","));
    state = suggest(state, state.tr.insertText(" dear"));
    expect(show(state.doc)).toEqual(["Hello[+a:s1 , dear] world"]);
    expect(state.selection.from).toBe(12);
    const [suggestion] = listSuggestions(state.doc);
    expect(suggestion).toMatchObject({ id: "s1", kind: "insert", authorId: "a", authorName: "Ayşe Demir", createdAt: CREATED_AT, insertedText: ", dear", deletedText: "", from: 6, to: 12 });
  });

  it("keeps formatting: text typed inside bold is bold and suggested", () => {
    let state = stateOf([paragraph(text("strong", bold))], { from: 4 });
    state = suggest(state, state.tr.insertText("X"));
    const node = state.doc.firstChild!.child(1);
    expect(node.text).toBe("X");
    expect(node.marks.map((mark) => mark.type.name).sort()).toEqual(["bold", "suggestionInsert"]);
  });

  it("typing inside someone else's suggestion makes a suggestion of one's own", () => {
    let state = stateOf([paragraph("a", text("bcd", ins(DANIEL, "d1")), "e")], { from: 3 });
    state = suggest(state, state.tr.insertText("X"));
    expect(show(state.doc)).toEqual(["a[+b:d1 b][+a:s1 X][+b:d1 cd]e"]);
  });

  it("pasting several paragraphs suggests their text as one run", () => {
    let state = stateOf([paragraph("Start end")], { from: 7 });
    const slice = new Slice(
      Fragment.from([schema.nodeFromJSON(paragraph("one")), schema.nodeFromJSON(paragraph(text("two", ins(DANIEL, "x"))))]),
      1,
      1,
    );
    state = suggest(state, state.tr.replaceSelection(slice));
    expect(show(state.doc)).toEqual(["Start [+a:s1 one two]end"]);
  });
});

describe("deleting in suggesting mode", () => {
  it("Backspace marks the previous character and the caret walks left over struck text", () => {
    let state = stateOf([paragraph("Hello world")], { from: 6 });
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["Hell[-a:s1 o] world"]);
    expect(state.selection.from).toBe(5);
    state = pressBackspace(state);
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["He[-a:s1 llo] world"]);
    expect(state.selection.from).toBe(3);
    // From after the struck text, Backspace skips it and strikes the next live character.
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 6)));
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["H[-a:s1 ello] world"]);
    expect(listSuggestions(state.doc)).toHaveLength(1);
  });

  it("Delete marks the next character and moves the caret past it", () => {
    let state = stateOf([paragraph("Hello world")], { from: 6 });
    for (let i = 0; i < 3; i++) {
      const tr = commandTransaction(state, forwardDelete)!;
      state = suggest(state, tr);
    }
    expect(show(state.doc)).toEqual(["Hello[-a:s1  wo]rld"]);
    expect(state.selection.from).toBe(9);
  });

  it("never joins paragraphs", () => {
    const state = stateOf([paragraph("One"), paragraph("Two")], { from: 6 });
    const tr = commandTransaction(state, backspace);
    expect(tr).toBeNull();
    expect(backspace(state, undefined)).toBe(true); // handled: swallowed, not passed to joinBackward
  });

  it("removes text the same author had suggested inserting", () => {
    let state = stateOf([paragraph("Hello world")], { from: 6 });
    state = suggest(state, state.tr.insertText("XY"));
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["Hello[+a:s1 X] world"]);
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["Hello world"]);
    expect(listSuggestions(state.doc)).toEqual([]);
    // …but strikes another author's suggested insertion instead of removing it.
    state = stateOf([paragraph("a", text("bc", ins(DANIEL, "d1")))], { from: 4 });
    state = pressBackspace(state);
    expect(show(state.doc)).toEqual(["a[+b:d1 b][+b:d1-a:s2 c]"]);
  });

  it("deleting a selection strikes it, removing only the author's own insertions", () => {
    let state = stateOf([paragraph("ab", text("XY", ins(AYSE, "mine")), "cd", text("gone", del(DANIEL, "theirs")), "ef")]);
    // Select "b XY cd gone e".
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2, 12)));
    state = suggest(state, state.tr.deleteSelection());
    expect(show(state.doc)).toEqual(["a[-a:s1 bcd][-b:theirs gone][-a:s1 e]f"]);
    expect(state.selection.from).toBe(12 - 2); // after the struck text (XY removed)
  });

  it("a selection across paragraphs is struck in both without joining them", () => {
    let state = stateOf([paragraph("One"), paragraph("Two")]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2, 8)));
    state = suggest(state, state.tr.deleteSelection());
    expect(show(state.doc)).toEqual(["O[-a:s1 ne]", "[-a:s1 Tw]o"]);
    expect(listSuggestions(state.doc)[0]).toMatchObject({ kind: "delete", deletedText: "ne\nTw", ranges: [{ from: 2, to: 4 }, { from: 6, to: 8 }] });
  });

  it("typing over a selection is a replacement: deletion and insertion share the id", () => {
    let state = stateOf([paragraph("The old text")]);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5, 8)));
    state = suggest(state, state.tr.insertText("n"));
    state = suggest(state, state.tr.insertText("ew"));
    expect(show(state.doc)).toEqual(["The [-a:s1 old][+a:s1 new] text"]);
    expect(listSuggestions(state.doc)).toEqual([
      expect.objectContaining({ id: "s1", kind: "replace", deletedText: "old", insertedText: "new", from: 5, to: 11, ranges: [{ from: 5, to: 11 }] }),
    ]);
  });
});

describe("multi-step edits", () => {
  it("moving text (drag and drop) strikes it where it was and suggests it where it lands", () => {
    let state = stateOf([paragraph("one two three")], { from: 1 });
    const tr = state.tr.delete(5, 9); // "two "
    tr.insert(tr.mapping.map(14), schema.text(" two"));
    state = suggest(state, tr);
    expect(show(state.doc)).toEqual(["one [-a:s1 two ]three[+a:s1  two]"]);
  });

  it("Backspace then typing makes one replacement; Delete at the end of a paragraph does nothing", () => {
    let state = stateOf([paragraph("Hello world"), paragraph("Next")], { from: 12 });
    for (let i = 0; i < 5; i++) state = pressBackspace(state);
    state = suggest(state, state.tr.insertText("there"));
    expect(show(state.doc)).toEqual(["Hello [+a:s1 there][-a:s1 world]", "Next"]);
    expect(listSuggestions(state.doc)).toEqual([expect.objectContaining({ kind: "replace", insertedText: "there", deletedText: "world" })]);
    const end = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.doc.firstChild!.nodeSize - 1)));
    expect(commandTransaction(end, forwardDelete)).toBeNull();
    expect(forwardDelete(end)).toBe(true);
  });
});

describe("edits that cannot be suggested are refused", () => {
  it("a split that is not the suggesting Enter, and edits in code blocks", () => {
    // Enter, bold and heading changes are suggestions now (structureSuggestions.test.ts);
    // a plain split that would leave no record of the break is still refused.
    const state = stateOf([paragraph("Hello")], { from: 3 });
    expect(refusal(state, commandTransaction(state, splitBlock)!)).toMatch(/cannot be suggested/);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 4)));
    expect(refusal(selected, commandTransaction(selected, toggleMark(schema.marks.bold!))!)).toBeNull();
    expect(refusal(state, state.tr.setBlockType(1, 1, schema.nodes.heading!, { level: 2 }))).toBeNull();
    const code = stateOf([{ type: "codeBlock", content: [text("let x")] }], { from: 2 });
    expect(refusal(code, code.tr.insertText("y"))).toMatch(/code/);
  });
});

describe("accepting and rejecting", () => {
  const doc = () =>
    stateOf([
      paragraph("A", text("ins", ins(DANIEL, "i1")), "B", text("del", del(DANIEL, "d1")), "C", text("old", del(AYSE, "r1")), text("new", ins(AYSE, "r1")), "D"),
    ]);

  function review(decision: "accept" | "reject", matches: Parameters<typeof reviewSuggestionsTransaction>[2]) {
    const state = doc();
    return show(state.apply(reviewSuggestionsTransaction(state, decision, matches)!).doc)[0];
  }

  it("accept insertion keeps the text, reject removes it", () => {
    expect(review("accept", suggestionMatcher("i1"))).toBe("AinsB[-b:d1 del]C[-a:r1 old][+a:r1 new]D");
    expect(review("reject", suggestionMatcher("i1"))).toBe("AB[-b:d1 del]C[-a:r1 old][+a:r1 new]D");
  });

  it("accept deletion removes the text, reject keeps it", () => {
    expect(review("accept", suggestionMatcher("d1"))).toBe("A[+b:i1 ins]BC[-a:r1 old][+a:r1 new]D");
    expect(review("reject", suggestionMatcher("d1"))).toBe("A[+b:i1 ins]BdelC[-a:r1 old][+a:r1 new]D");
  });

  it("a replacement is accepted or rejected as a whole", () => {
    expect(review("accept", suggestionMatcher("r1"))).toBe("A[+b:i1 ins]B[-b:d1 del]CnewD");
    expect(review("reject", suggestionMatcher("r1"))).toBe("A[+b:i1 ins]B[-b:d1 del]ColdD");
  });

  it("accept all / reject all, optionally by author", () => {
    expect(review("accept", filterMatcher({ authorId: DANIEL.id }))).toBe("AinsBC[-a:r1 old][+a:r1 new]D");
    expect(review("reject", filterMatcher({ authorId: AYSE.id }))).toBe("A[+b:i1 ins]B[-b:d1 del]ColdD");
    expect(review("accept", filterMatcher())).toBe("AinsBCnewD");
    expect(review("reject", filterMatcher())).toBe("ABdelColdD");
  });

  it("text inserted by one author and struck by another", () => {
    const state = stateOf([paragraph("x", text("both", ins(DANIEL, "i"), del(AYSE, "d")), "y")]);
    const acceptInsertion = state.apply(reviewSuggestionsTransaction(state, "accept", suggestionMatcher("i"))!);
    expect(show(acceptInsertion.doc)).toEqual(["x[-a:d both]y"]);
    const acceptAll = state.apply(reviewSuggestionsTransaction(state, "accept", filterMatcher())!);
    expect(show(acceptAll.doc)).toEqual(["xy"]);
  });

  it("nothing to review gives no transaction", () => {
    expect(reviewSuggestionsTransaction(doc(), "accept", suggestionMatcher("nope"))).toBeNull();
  });
});

describe("listSuggestions", () => {
  it("merges adjacent ranges of one id across formatting and orders by position", () => {
    const state = stateOf([
      paragraph(text("ab", ins(DANIEL, "late")), "x", text("c", ins(AYSE, "s")), text("d", bold, ins(AYSE, "s"))),
      paragraph(text("e", ins(AYSE, "s"))),
    ]);
    expect(listSuggestions(state.doc)).toEqual([
      expect.objectContaining({ id: "late", kind: "insert", authorId: "b", insertedText: "ab", from: 1, to: 3 }),
      expect.objectContaining({ id: "s", kind: "insert", insertedText: "cd\ne", from: 4, to: 9, ranges: [{ from: 4, to: 6 }, { from: 8, to: 9 }] }),
    ]);
  });
});

describe("the client-side check mirrors the server's rule", () => {
  it("allows the author's suggestions and refuses anything else", () => {
    const state = stateOf([paragraph("Hello")], { from: 3 });
    const suggested = suggestTransactionDoc(state);
    expect(suggestionViolation(state.doc, suggested, AYSE.id)).toBeNull();
    expect(suggestionViolation(state.doc, suggested, DANIEL.id)).not.toBeNull();
    expect(suggestionViolation(state.doc, state.apply(state.tr.insertText("X")).doc, AYSE.id)).not.toBeNull();
  });

  function suggestTransactionDoc(state: ReturnType<typeof stateOf>) {
    return suggest(state, state.tr.insertText("X")).doc;
  }
});

describe("the plugin", () => {
  const onBlockedEdit = vi.fn();
  const plugin = () => suggestionModePlugin({ enabled: true, author: () => AYSE, onBlockedEdit });

  it("drops local edits the server would refuse, lets suggestions, remote and review changes through", () => {
    const state = stateOf([paragraph("Hello", text("!", ins(DANIEL, "d")))], { from: 3 }, [plugin()]);
    expect(isSuggesting(state)).toBe(true);

    // Another plugin's side effect (or anything that bypassed the rewrite) is dropped silently…
    const plain = state.tr.insertText("X");
    expect(state.apply(plain).doc.eq(state.doc)).toBe(true);
    expect(state.apply(state.tr.insert(state.doc.content.size, schema.nodes.paragraph!.create())).doc.eq(state.doc)).toBe(true);
    expect(onBlockedEdit).not.toHaveBeenCalled();
    // …a rewrite that the check refuses is reported.
    expect(state.apply(state.tr.insertText("X").setMeta(SUGGESTION_REWRITTEN_META, true)).doc.eq(state.doc)).toBe(true);
    expect(onBlockedEdit).toHaveBeenCalledWith(expect.stringContaining("outside the author's own suggestions"));

    const rewritten = rewriteForSuggesting(state.tr.insertText("X"), state, AYSE);
    expect(rewritten.ok).toBe(true);
    if (rewritten.ok) expect(show(state.apply(rewritten.transaction).doc)[0]).toMatch(/^He\[\+a:[0-9a-f]{24} X\]llo\[\+b:d !\]$/);

    const remote = state.tr.insertText("R").setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(rewriteForSuggesting(remote, state, AYSE)).toEqual({ ok: true, transaction: remote });
    expect(show(state.apply(remote).doc)).toEqual(["HeRllo[+b:d !]"]);

    const accept = reviewSuggestionsTransaction(state, "accept", filterMatcher())!;
    expect(show(state.apply(accept).doc)).toEqual(["Hello!"]);
  });

  it("does nothing when suggesting is off, and is switched by meta", () => {
    let state = stateOf([paragraph("Hello")], { from: 3 }, [suggestionModePlugin({ enabled: false, author: () => AYSE, onBlockedEdit })]);
    const plain = state.tr.insertText("X");
    expect(rewriteForSuggesting(plain, state, AYSE)).toEqual({ ok: true, transaction: plain });
    expect(show(state.apply(plain).doc)).toEqual(["HeXllo"]);
    state = state.apply(state.tr.setMeta(suggestionModePluginKey, { enabled: true }));
    expect(isSuggesting(state)).toBe(true);
  });
});

describe("the Tiptap extension", () => {
  it("adds its commands and storage to an editor", () => {
    const editor = new Editor({
      element: null,
      extensions: [...documentExtensions(), SuggestionMode.configure({ enabled: false, author: AYSE })],
      content: docJSON(paragraph("A", text("ins", ins(DANIEL, "i1")), text("del", del(DANIEL, "d1")))),
    });
    try {
      expect(editor.storage.suggestionMode).toEqual({ enabled: false, author: AYSE });
      expect(editor.commands.setSuggesting(true)).toBe(true);
      expect(editor.storage.suggestionMode.enabled).toBe(true);
      expect(editor.can().acceptSuggestion("missing")).toBe(false);
      expect(editor.commands.acceptSuggestion("i1")).toBe(true);
      expect(editor.commands.rejectAllSuggestions({ authorId: DANIEL.id })).toBe(true);
      expect(show(editor.state.doc)).toEqual(["Ainsdel"]);
    } finally {
      editor.destroy();
    }
  });
});
