"use client";

import { useEffect, useRef, useState } from "react";
import type { DocumentSummary } from "@/lib/documentTypes";
import type { MemberView } from "@/lib/review/reviewTypes";
import { slugify } from "@/lib/workflow/slug";
import { ErrorMessage } from "../ErrorMessage";
import { requestJson } from "../review/reviewApi";

type Draft = { headline: string; dek: string; bylineId: string; slug: string; section: string; tags: string };

const FIELD_IDS: [keyof Draft, string][] = [
  ["headline", "meta-headline"],
  ["dek", "meta-dek"],
  ["bylineId", "meta-byline"],
  ["slug", "meta-slug"],
  ["section", "meta-section"],
  ["tags", "meta-tags"],
];

const fromDocument = (document: DocumentSummary): Draft => ({
  headline: document.metadata.headline ?? "",
  dek: document.metadata.dek ?? "",
  bylineId: document.metadata.byline?.id ?? "",
  slug: document.metadata.slug ?? "",
  section: document.metadata.section ?? "",
  tags: document.metadata.tags.join(", "),
});

/** Headline, dek, byline, slug, section and tags; each field is saved when it loses focus. */
export function MetadataPanel({ document, canEdit, onSaved }: { document: DocumentSummary; canEdit: boolean; onSaved: (document: DocumentSummary) => void }) {
  const [draft, setDraft] = useState<Draft>(() => fromDocument(document));
  const [members, setMembers] = useState<MemberView[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Fields whose save is on its way. Another field's answer, stored before this one's, still has
  // the old value: taking it would flash the field back (an empty slug right after "From headline").
  const saving = useRef(new Set<keyof Draft>());

  // Saved or changed elsewhere: take the stored values, except in the field being typed in and fields being saved.
  useEffect(() => {
    const focused = FIELD_IDS.find(([, id]) => window.document.activeElement?.id === id)?.[0];
    const kept = new Set(saving.current);
    if (focused) kept.add(focused);
    setDraft((current) => {
      const next = fromDocument(document);
      for (const name of kept) next[name] = current[name];
      return next;
    });
  }, [document]);
  useEffect(() => {
    void requestJson<{ members: MemberView[] }>(`/api/documents/${document.id}/members`).then(({ members: loaded }) => setMembers(loaded), () => {});
  }, [document.id]);

  async function save(body: Partial<Record<keyof Draft, unknown>>) {
    setError(null);
    setStatus("Saving…");
    const names = Object.keys(body) as (keyof Draft)[];
    for (const name of names) saving.current.add(name);
    try {
      const saved = await requestJson<DocumentSummary>(`/api/documents/${document.id}`, { method: "PATCH", body });
      for (const name of names) saving.current.delete(name);
      onSaved(saved);
      setStatus("Saved");
    } catch (cause) {
      for (const name of names) saving.current.delete(name);
      setStatus(null);
      setError(cause instanceof Error ? cause.message : "Could not save");
    }
  }

  const field = (name: keyof Draft) => ({
    value: draft[name],
    disabled: !canEdit,
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [name]: event.target.value })),
  });
  // Published once: the slug is the piece's address for good (the server refuses changes).
  const slugFixed = document.hasBeenPublished;
  const saveText = (name: "headline" | "dek" | "section") => () => {
    if (draft[name] !== (document.metadata[name] ?? "")) void save({ [name]: draft[name] });
  };

  return (
    <details className="metadata-panel">
      <summary>
        Newsroom metadata
        <span className="muted">{document.metadata.headline ? ` — ${document.metadata.headline}` : " — headline, dek, byline, slug"}</span>
      </summary>
      <div className="metadata-grid">
        <div className="field wide">
          <label htmlFor="meta-headline">Headline</label>
          <input id="meta-headline" className="input" maxLength={200} {...field("headline")} onBlur={saveText("headline")} />
        </div>
        <div className="field wide">
          <label htmlFor="meta-dek">Dek (standfirst)</label>
          <textarea id="meta-dek" className="input" rows={2} maxLength={400} {...field("dek")} onBlur={saveText("dek")} />
        </div>
        <div className="field">
          <label htmlFor="meta-byline">Byline</label>
          <select
            id="meta-byline"
            className="input"
            {...field("bylineId")}
            onChange={(event) => {
              setDraft((current) => ({ ...current, bylineId: event.target.value }));
              void save({ bylineId: event.target.value || null });
            }}
          >
            <option value="">Not set</option>
            {members.map((member) => (
              <option key={member.user.id} value={member.user.id}>
                {member.user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor="meta-slug">Slug</label>
          <div className="toolbar-row slug-row">
            <input
              id="meta-slug"
              className="input"
              maxLength={80}
              {...field("slug")}
              readOnly={slugFixed}
              aria-describedby={slugFixed ? "meta-slug-fixed" : undefined}
              onBlur={() => {
                if (!slugFixed && draft.slug !== (document.metadata.slug ?? "")) void save({ slug: draft.slug === "" ? null : draft.slug });
              }}
            />
            {!slugFixed && (
              <button
                type="button"
                className="button small"
                disabled={!canEdit || !(draft.headline || document.title)}
                onClick={() => {
                  const slug = slugify(draft.headline || document.title);
                  setDraft((current) => ({ ...current, slug }));
                  void save({ slug });
                }}
              >
                From headline
              </button>
            )}
          </div>
          {slugFixed && (
            <p id="meta-slug-fixed" className="field-hint">
              Fixed since the first publication: the piece lives at <code>/p/{document.metadata.slug}</code>
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="meta-section">Section</label>
          <input id="meta-section" className="input" maxLength={60} {...field("section")} onBlur={saveText("section")} />
        </div>
        <div className="field">
          <label htmlFor="meta-tags">Tags (comma separated)</label>
          <input
            id="meta-tags"
            className="input"
            {...field("tags")}
            onBlur={() => {
              const tags = draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean);
              if (tags.join(",") !== document.metadata.tags.join(",")) void save({ tags });
            }}
          />
        </div>
      </div>
      <p className="muted" role="status">
        {status}
      </p>
      <ErrorMessage message={error} />
    </details>
  );
}
