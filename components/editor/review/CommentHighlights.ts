// Highlights the text each open comment thread is anchored to. Positions are
// resolved from the threads' Yjs relative positions on every change, so the
// highlights follow concurrent edits.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { resolveAnchor, type EncodedAnchor } from "./anchors";

/** `resolved`: shown only while its card is active, as a faint underline, never as a highlight. */
export type HighlightedThread = { id: string; anchor: EncodedAnchor; resolved?: boolean };
type HighlightState = { threads: HighlightedThread[]; activeId: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

export const CommentHighlights = Extension.create<{ onActivate: (threadId: string) => void; onCommentShortcut: () => void }>({
  name: "commentHighlights",
  addOptions() {
    return { onActivate: () => {}, onCommentShortcut: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      "Mod-Alt-m": () => {
        this.options.onCommentShortcut();
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    const { onActivate } = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null }),
          apply: (tr, value) => (tr.getMeta(commentHighlightsKey) as HighlightState | undefined) ?? value,
        },
        props: {
          decorations(state: EditorState) {
            const { threads, activeId } = commentHighlightsKey.getState(state)!;
            const decorations: Decoration[] = [];
            for (const thread of threads) {
              const range = resolveAnchor(state, thread.anchor);
              if (!range) continue;
              decorations.push(
                Decoration.inline(range.from, range.to, {
                  class: thread.resolved ? "comment-anchor-resolved" : thread.id === activeId ? "comment-highlight active" : "comment-highlight",
                  "data-thread-id": thread.id,
                }),
              );
            }
            return DecorationSet.create(state.doc, decorations);
          },
          handleClick(view, pos) {
            const { threads } = commentHighlightsKey.getState(view.state)!;
            const hit = threads.find((thread) => {
              const range = resolveAnchor(view.state, thread.anchor);
              return range && pos >= range.from && pos <= range.to;
            });
            if (hit) onActivate(hit.id);
            return false;
          },
        },
      }),
    ];
  },
});
