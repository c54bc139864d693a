"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { listSuggestions, type SuggestionSummary } from "@/lib/editor/suggestions/listSuggestions";
import { relativeTime } from "@/lib/relativeTime";
import { userColor } from "@/lib/userColor";

const KIND_LABELS: Record<SuggestionSummary["kind"], string> = {
  insert: "Insert",
  delete: "Delete",
  replace: "Replace",
  format: "Format",
  split: "Paragraph break",
  join: "Join",
  change: "Block type",
  wrap: "Structure",
  unwrap: "Structure",
};

/**
 * Pending suggestions beside the text, with Accept / Reject for editors and
 * Withdraw for a suggestion's own author. Accepting and rejecting are plain
 * document edits, so they sync to everyone and undo like any edit.
 */
export function SuggestionsPanel({ editor, currentUserId, canReview }: { editor: Editor | null; currentUserId: string; canReview: boolean }) {
  const [authorFilter, setAuthorFilter] = useState("");
  const suggestions =
    useEditorState({ editor, selector: ({ editor: current }) => (current ? listSuggestions(current.state.doc) : []) }) ?? [];
  if (!editor) return null;

  const authors = [...new Map(suggestions.map((item) => [item.authorId, item.authorName])).entries()];
  const filter = authorFilter ? { authorId: authorFilter } : undefined;
  const show = (item: SuggestionSummary) => {
    editor.chain().setTextSelection({ from: item.from, to: item.to }).scrollIntoView().run();
  };

  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" className="sidebar-heading">
        Suggestions <span className="count">{suggestions.length}</span>
      </h2>
      {suggestions.length === 0 ? (
        <p className="muted">No pending suggestions.</p>
      ) : (
        <>
          {canReview && (
            <div className="bulk-review" role="group" aria-label="Review all suggestions">
              <label className="visually-hidden" htmlFor="suggestion-author">
                Suggestions by
              </label>
              <select id="suggestion-author" className="input small" value={authorFilter} onChange={(event) => setAuthorFilter(event.target.value)}>
                <option value="">All authors</option>
                {authors.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
              <button type="button" className="button small" onClick={() => editor.commands.acceptAllSuggestions(filter)}>
                Accept all
              </button>
              <button type="button" className="button small" onClick={() => editor.commands.rejectAllSuggestions(filter)}>
                Reject all
              </button>
            </div>
          )}
          <ul className="suggestion-list">
            {suggestions.map((item) => (
              <li key={item.id} className="suggestion-card" aria-label={`${KIND_LABELS[item.kind]} suggestion by ${item.authorName}`}>
                <button type="button" className="suggestion-summary" onClick={() => show(item)}>
                  <span className="suggestion-author" style={{ color: userColor(item.authorId) }}>
                    {item.authorName}
                  </span>{" "}
                  <span className="muted">
                    {KIND_LABELS[item.kind]} · {relativeTime(item.createdAt)}
                  </span>
                  {item.description && <span className="suggestion-description">{item.description}</span>}
                  {item.deletedText && <del className="suggestion-text">{item.deletedText}</del>}
                  {item.insertedText &&
                    (item.kind === "format" ? (
                      <span className="suggestion-text">{item.insertedText}</span>
                    ) : (
                      <ins className="suggestion-text">{item.insertedText}</ins>
                    ))}
                </button>
                <div className="suggestion-actions">
                  {canReview && (
                    <button type="button" className="button small primary" onClick={() => editor.commands.acceptSuggestion(item.id)}>
                      Accept
                    </button>
                  )}
                  {(canReview || item.authorId === currentUserId) && (
                    <button type="button" className="button small" onClick={() => editor.commands.rejectSuggestion(item.id)}>
                      {canReview ? "Reject" : "Withdraw"}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
