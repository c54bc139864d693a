"use client";

// The form behind the toolbar's "Related article" button: the address,
// headline and teaser of a card, typed by the author (nothing is fetched).
// With a card selected, it edits that card.
import type { Editor } from "@tiptap/react";
import { useId, useState, type FormEvent } from "react";
import { MAX_CARD_HEADLINE_LENGTH, MAX_CARD_TEASER_LENGTH, RELATED_CARD, safeCardHref, type RelatedCardAttrs } from "@/lib/editor/RelatedCard";

/** The selected card's values, when the selection is a card. */
export function selectedCard(editor: Editor): RelatedCardAttrs | null {
  const selection = editor.state.selection as { node?: { type: { name: string }; attrs: Record<string, unknown> } };
  if (selection.node?.type.name !== RELATED_CARD) return null;
  const { href, headline, teaser } = selection.node.attrs;
  return { href: String(href ?? ""), headline: String(headline ?? ""), teaser: String(teaser ?? "") };
}

export function RelatedCardForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const [initial] = useState(() => selectedCard(editor));
  const [href, setHref] = useState(initial?.href ?? "https://");
  const [headline, setHeadline] = useState(initial?.headline ?? "");
  const [teaser, setTeaser] = useState(initial?.teaser ?? "");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  function apply(event: FormEvent) {
    event.preventDefault();
    if (!safeCardHref(href)) return setError("The address must be a web address starting with https:// or http://");
    if (headline.trim() === "") return setError("Give the related piece's headline");
    editor.chain().focus().setRelatedCard({ href, headline, teaser }).run();
    onDone();
  }

  return (
    <form className="card-form" aria-label={initial ? "Edit related article" : "Add related article"} onSubmit={apply} onKeyDown={(event) => event.key === "Escape" && onDone()}>
      <label htmlFor={`${id}-href`}>Address</label>
      <input id={`${id}-href`} className="input small" type="url" value={href} autoFocus onChange={(event) => setHref(event.target.value)} />
      <label htmlFor={`${id}-headline`}>Headline</label>
      <input id={`${id}-headline`} className="input small" value={headline} maxLength={MAX_CARD_HEADLINE_LENGTH} onChange={(event) => setHeadline(event.target.value)} />
      <label htmlFor={`${id}-teaser`}>Teaser (one line)</label>
      <input id={`${id}-teaser`} className="input small" value={teaser} maxLength={MAX_CARD_TEASER_LENGTH} onChange={(event) => setTeaser(event.target.value)} />
      <div className="card-form-actions">
        <button type="submit" className="button small">
          {initial ? "Update card" : "Insert card"}
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
        {error && (
          <span className="error-text" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
