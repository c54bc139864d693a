// Suggesting mode ("track changes") for the browser editor. Not part of the
// shared schema list: the marks are (lib/editor/documentExtensions.ts); this
// extension only decides how local edits become suggestions, and reviews them.
//
//   SuggestionMode.configure({ enabled, author: { id, name }, onBlockedEdit })
//   editor.commands.setSuggesting(true | false)
//   editor.commands.acceptSuggestion(id) / rejectSuggestion(id)
//   editor.commands.acceptAllSuggestions({ authorId? }) / rejectAllSuggestions({ authorId? })
//
// While enabled, every local transaction is rewritten by suggestTransaction()
// before it is applied (Tiptap's extension `dispatchTransaction` hook), and a
// filter drops any local change, including ones appended by other plugins,
// that the server would refuse from a suggester. Remote changes (Yjs, marked
// with ySyncPluginKey) are never touched.
import { Extension } from "@tiptap/core";
import { Fragment, type Node as ProseMirrorNode, Slice } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { deleteCharacterCommand } from "./deleteCommands";
import { type SuggestionAuthor, isSuggestionMark } from "./marks";
import { SUGGESTION_REWRITTEN_META, SUGGESTION_SKIP_META, SUGGESTION_STRUCTURED_META } from "./meta";
import { type StructureResult, suggestJoin, suggestSplit } from "./structureCommands";
import { type SuggestionFilter, filterMatcher, reviewSuggestions, suggestionMatcher } from "./review";
import { type SuggestResult, newSuggestionId, suggestTransaction } from "./suggestTransaction";
import { suggestionViolation } from "./suggestionViolation";

export type SuggestionModeOptions = {
  /** Suggesting when the editor starts. */
  enabled: boolean;
  /** Who new suggestions are attributed to (the signed-in user). */
  author: SuggestionAuthor;
  /** Called when an edit is dropped because it cannot be made as a suggestion (e.g. Enter, bold). */
  onBlockedEdit?: ((reason: string) => void) | null;
};

export type SuggestionModeStorage = {
  enabled: boolean;
  author: SuggestionAuthor;
};

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Turns suggesting mode on or off. */
      setSuggesting: (enabled: boolean) => ReturnType;
      /** Accepts every part of suggestion `id` (insertions kept, deletions applied). */
      acceptSuggestion: (id: string) => ReturnType;
      /** Rejects every part of suggestion `id` (insertions removed, deletions undone). */
      rejectSuggestion: (id: string) => ReturnType;
      /** Accepts all suggestions, or all of one author. */
      acceptAllSuggestions: (filter?: SuggestionFilter) => ReturnType;
      /** Rejects all suggestions, or all of one author. */
      rejectAllSuggestions: (filter?: SuggestionFilter) => ReturnType;
    };
  }
  interface Storage {
    suggestionMode: SuggestionModeStorage;
  }
}

export const suggestionModePluginKey = new PluginKey<{ enabled: boolean }>("suggestionMode");

/** Whether suggesting mode is on in this editor state. */
export function isSuggesting(state: EditorState): boolean {
  return suggestionModePluginKey.getState(state)?.enabled ?? false;
}

/** Transactions that come from Yjs (remote edits, collaborative undo) or from review commands. */
export function isExemptFromSuggesting(tr: Transaction): boolean {
  return tr.getMeta(ySyncPluginKey) !== undefined || tr.getMeta(SUGGESTION_SKIP_META) === true;
}

/**
 * What the editor should apply instead of `tr` (dispatched against `state`):
 * `tr` itself when suggesting is off or it is not a local edit, its rewrite
 * as a suggestion by `author`, or a reason to drop it.
 */
export function rewriteForSuggesting(tr: Transaction, state: EditorState, author: SuggestionAuthor): SuggestResult {
  if (!isSuggesting(state) || !tr.docChanged || isExemptFromSuggesting(tr) || tr.getMeta("addToHistory") === false) {
    return { ok: true, transaction: tr };
  }
  // Enter and Backspace at a block's start already built their suggestion.
  if (tr.getMeta(SUGGESTION_STRUCTURED_META) === true) return { ok: true, transaction: tr };
  return suggestTransaction(tr, state, { author });
}

export type SuggestionModePluginConfig = {
  enabled: boolean;
  author: () => SuggestionAuthor;
  onBlockedEdit: (reason: string) => void;
};

/**
 * The ProseMirror side of suggesting mode: the on/off state, the safety-net
 * filter, typed text bypassing input rules, and paste cleaning. Exported for
 * tests; the editor gets it through the SuggestionMode extension.
 */
export function suggestionModePlugin(config: SuggestionModePluginConfig): Plugin {
  return new Plugin({
    key: suggestionModePluginKey,
    state: {
      init: () => ({ enabled: config.enabled }),
      apply: (tr, value) => {
        const meta = tr.getMeta(suggestionModePluginKey) as { enabled: boolean } | undefined;
        return meta ? { enabled: meta.enabled } : value;
      },
    },
    // The safety net: whatever produced it (our rewrite, another plugin's
    // appended transaction such as autolink or the trailing paragraph, a
    // command without a view), a local change the server would refuse from a
    // suggester is not applied. Side effects of other plugins are dropped
    // silently; the user hears about their own edits from the rewrite.
    filterTransaction(tr, state) {
      if (!tr.docChanged || !isSuggesting(state) || isExemptFromSuggesting(tr)) return true;
      const reason = suggestionViolation(state.doc, tr.doc, config.author().id);
      if (reason === null) return true;
      if (tr.getMeta(SUGGESTION_REWRITTEN_META) === true) config.onBlockedEdit(reason);
      return false;
    },
    props: {
      // Typed text goes straight in (rewritten as a suggestion), so input
      // rules (markdown shortcuts, which change formatting) never fire.
      handleTextInput(view, _from, _to, _text, deflt) {
        if (!isSuggesting(view.state) || view.composing) return false;
        view.dispatch(deflt());
        return true;
      },
      // Pasted or dropped content never brings suggestion marks (they would
      // be attributed to whoever made the copied suggestion).
      transformPasted(slice) {
        return new Slice(stripSuggestionMarks(slice.content), slice.openStart, slice.openEnd);
      },
      attributes: (state): Record<string, string> => (isSuggesting(state) ? { class: "is-suggesting" } : {}),
    },
  });
}

function stripSuggestionMarks(fragment: Fragment): Fragment {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) nodes.push(node.mark(node.marks.filter((mark) => !isSuggestionMark(mark))));
    else nodes.push(node.copy(stripSuggestionMarks(node.content)).mark(node.marks.filter((mark) => !isSuggestionMark(mark))));
  });
  return Fragment.from(nodes);
}

export const SuggestionMode = Extension.create<SuggestionModeOptions, SuggestionModeStorage>({
  name: "suggestionMode",
  // Before every other extension: our keymap and text-input handler must run
  // before input rules and the default Backspace/Enter handling.
  priority: 10_000,

  addOptions() {
    return { enabled: false, author: { id: "", name: "" }, onBlockedEdit: null };
  },

  addStorage() {
    return { enabled: this.options.enabled, author: this.options.author };
  },

  addCommands() {
    return {
      setSuggesting:
        (enabled: boolean) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.enabled = enabled;
            tr.setMeta(suggestionModePluginKey, { enabled });
          }
          return true;
        },
      acceptSuggestion:
        (id: string) =>
        ({ tr, dispatch }) =>
          dispatch ? reviewSuggestions(tr, "accept", suggestionMatcher(id)) : hasSuggestion(tr, suggestionMatcher(id)),
      rejectSuggestion:
        (id: string) =>
        ({ tr, dispatch }) =>
          dispatch ? reviewSuggestions(tr, "reject", suggestionMatcher(id)) : hasSuggestion(tr, suggestionMatcher(id)),
      acceptAllSuggestions:
        (filter?: SuggestionFilter) =>
        ({ tr, dispatch }) =>
          dispatch ? reviewSuggestions(tr, "accept", filterMatcher(filter)) : hasSuggestion(tr, filterMatcher(filter)),
      rejectAllSuggestions:
        (filter?: SuggestionFilter) =>
        ({ tr, dispatch }) =>
          dispatch ? reviewSuggestions(tr, "reject", filterMatcher(filter)) : hasSuggestion(tr, filterMatcher(filter)),
    };
  },

  addKeyboardShortcuts() {
    const whenSuggesting = (run: () => boolean) => () => (isSuggesting(this.editor.state) ? run() : false);
    const run = (result: StructureResult) => {
      if (!result) return false;
      if ("refused" in result) this.options.onBlockedEdit?.(result.refused);
      else this.editor.view.dispatch(result.transaction);
      return true;
    };
    const context = () => ({ author: this.storage.author, newId: newSuggestionId });
    // Enter splits the paragraph as a suggestion; a line break (Shift-Enter) is not suggestible.
    const split = whenSuggesting(() => run(suggestSplit(this.editor.state, context())));
    const lineBreak = whenSuggesting(() => {
      this.options.onBlockedEdit?.("Line breaks cannot be suggested; press Enter for a new paragraph");
      return true;
    });
    // At a block's start, Backspace suggests joining it with the block before.
    const backspace = whenSuggesting(
      () => run(suggestJoin(this.editor.state, context())) || deleteCharacterCommand(-1)(this.editor.state, this.editor.view.dispatch),
    );
    const del = whenSuggesting(() => deleteCharacterCommand(1)(this.editor.state, this.editor.view.dispatch));
    return {
      Backspace: backspace,
      "Shift-Backspace": backspace,
      Delete: del,
      Enter: split,
      "Shift-Enter": lineBreak,
      "Mod-Enter": lineBreak,
    };
  },

  dispatchTransaction({ transaction, next }) {
    const result = rewriteForSuggesting(transaction, this.editor.state, this.storage.author);
    if (result.ok) next(result.transaction);
    else this.options.onBlockedEdit?.(result.reason);
  },

  addProseMirrorPlugins() {
    return [
      suggestionModePlugin({
        enabled: this.options.enabled,
        author: () => this.storage.author,
        onBlockedEdit: (reason) => this.options.onBlockedEdit?.(reason),
      }),
    ];
  },
});

function hasSuggestion(tr: Transaction, matches: Parameters<typeof reviewSuggestions>[2]): boolean {
  let found = false;
  tr.doc.descendants((node) => {
    if (found) return false;
    if (node.isInline) {
      found = node.marks.some((mark) => isSuggestionMark(mark) && matches(mark.attrs as Parameters<typeof matches>[0]));
      return false;
    }
    return true;
  });
  return found;
}
