"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { countWords, readingMinutes } from "@/lib/editor/countWords";

/** Live word count and reading time of the text as it stands (struck suggestions included). */
export function WordCount({ editor }: { editor: Editor | null }) {
  const words =
    useEditorState({
      editor,
      selector: ({ editor: current }) => {
        if (!current) return 0;
        const text = current.state.doc.textBetween(0, current.state.doc.content.size, " ", " ");
        return countWords(text);
      },
    }) ?? 0;
  const minutes = readingMinutes(words);
  return (
    <p className="word-count" aria-live="off">
      {words.toLocaleString("en")} words · {minutes} min read
    </p>
  );
}
