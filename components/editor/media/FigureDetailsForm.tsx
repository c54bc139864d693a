"use client";

// Alt text, caption, credit and the lead-image flag of the selected figure.
// Shown whenever a figure is selected (a new figure is selected at once).
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FIGURE, figureAttrs, MAX_ALT_LENGTH, MAX_CAPTION_LENGTH, MAX_CREDIT_LENGTH, type FigureText } from "@/lib/editor/Figure";

function selectedFigure(editor: Editor): { position: number; text: FigureText } | null {
  const selection = editor.state.selection as { node?: { type: { name: string }; attrs: Record<string, unknown> }; from: number };
  if (selection.node?.type.name !== FIGURE) return null;
  const { alt, caption, credit, lead } = figureAttrs({ attrs: selection.node.attrs });
  return { position: selection.from, text: { alt, caption, credit, lead } };
}

export function FigureDetails({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const selected = useEditorState({ editor, selector: ({ editor: current }) => selectedFigure(current), equalityFn: (a, b) => a?.position === b?.position });
  if (!selected || disabled) return null;
  // Keyed by position: selecting another figure starts a fresh form with its values.
  return <FigureDetailsForm key={selected.position} editor={editor} initial={selected.text} />;
}

function FigureDetailsForm({ editor, initial }: { editor: Editor; initial: FigureText }) {
  const [text, setText] = useState(initial);
  const [saved, setSaved] = useState(false);
  const id = useId();
  const altField = useRef<HTMLInputElement>(null);
  const set = (change: Partial<FigureText>) => {
    setSaved(false);
    setText((current) => ({ ...current, ...change }));
  };

  // A figure without alt text is usually one just inserted: start there.
  useEffect(() => {
    if (!initial.alt) altField.current?.focus();
  }, [initial.alt]);

  function save(event: FormEvent) {
    event.preventDefault();
    // The figure stays selected (updateFigure keeps the node selection), so the form stays open.
    editor.chain().updateFigure(text).run();
    setSaved(true);
  }

  return (
    <form className="card-form figure-form" aria-label="Image details" onSubmit={save}>
      <label htmlFor={`${id}-alt`}>Alt text</label>
      <input
        id={`${id}-alt`}
        ref={altField}
        className="input small"
        value={text.alt}
        maxLength={MAX_ALT_LENGTH}
        placeholder="What the image shows, for readers who cannot see it"
        onChange={(event) => set({ alt: event.target.value })}
      />
      <label htmlFor={`${id}-caption`}>Caption</label>
      <input id={`${id}-caption`} className="input small" value={text.caption} maxLength={MAX_CAPTION_LENGTH} onChange={(event) => set({ caption: event.target.value })} />
      <label htmlFor={`${id}-credit`}>Credit</label>
      <input
        id={`${id}-credit`}
        className="input small"
        value={text.credit}
        maxLength={MAX_CREDIT_LENGTH}
        placeholder="Photographer / agency"
        onChange={(event) => set({ credit: event.target.value })}
      />
      <div className="card-form-actions">
        <label className="checkbox-label">
          <input type="checkbox" checked={text.lead} onChange={(event) => set({ lead: event.target.checked })} /> Lead image (the published page's hero and social card)
        </label>
      </div>
      <div className="card-form-actions">
        <button type="submit" className="button small">
          Save image details
        </button>
        {saved && (
          <span role="status" className="muted">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
