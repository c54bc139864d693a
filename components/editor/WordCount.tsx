"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

/** Newsroom reading speed, words per minute. */
const WORDS_PER_MINUTE = 230;

/** Live word count and reading time of the text as it stands (struck suggestions included). */
export function WordCount({ editor }: { editor: Editor | null }) {
  const words =
    useEditorState({
      editor,
      selector: ({ editor: current }) => {
        if (!current) return 0;
        const text = current.state.doc.textBetween(0, current.state.doc.content.size, " ", " ");
        return text.split(/\s+/).filter(Boolean).length;
      },
    }) ?? 0;
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  return (
    <p className="word-count" aria-live="off">
      {words.toLocaleString("en")} words · {minutes} min read
    </p>
  );
}
