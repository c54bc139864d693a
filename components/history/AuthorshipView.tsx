"use client";

import type { AuthoredBlock } from "@/lib/history/historyTypes";
import { initials } from "@/lib/userColor";

/** The current text block by block, each with who wrote it in the margin. */
export function AuthorshipView({ blocks }: { blocks: AuthoredBlock[] }) {
  if (blocks.length === 0) return <p className="muted">The document is empty.</p>;
  return (
    <ol className="authored-blocks" aria-label="Who wrote which paragraph">
      {blocks.map((block, index) => (
        <li key={index} className="authored-block">
          <div className="block-authors">
            {block.authors.slice(0, 3).map((author) => (
              <span key={author.id} className="block-author">
                <span className="avatar small" style={{ background: author.color }} aria-hidden="true">
                  {initials(author.name)}
                </span>
                <span>
                  {author.name}
                  {block.authors.length > 1 ? ` ${Math.round(author.share * 100)}%` : ""}
                </span>
              </span>
            ))}
          </div>
          {/* Rendered and sanitized on the server with the editor's schema. */}
          <div className="tiptap history-text" dangerouslySetInnerHTML={{ __html: block.html }} />
        </li>
      ))}
    </ol>
  );
}
