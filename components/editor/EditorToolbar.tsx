"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type FormEvent } from "react";
import { MEDIA_CONTENT_TYPES } from "@/lib/media";
import { FigureDetails } from "./media/FigureDetailsForm";
import { RelatedCardForm } from "./RelatedCardForm";
import { InsertTableButton, TableTools } from "./TableTools";
import { ToolButton as Tool } from "./ToolButton";

type ToolState = Record<string, boolean>;

export function EditorToolbar({
  editor,
  canFormat,
  canComment,
  onComment,
  mode,
  onPickImages,
}: {
  editor: Editor | null;
  canFormat: boolean;
  canComment: boolean;
  onComment: () => void;
  /** The Editing / Suggesting switch; null when the user cannot change text at all. */
  mode: { suggesting: boolean; locked: boolean; onChange: (suggesting: boolean) => void } | null;
  /** Image files chosen with the toolbar's file picker. */
  onPickImages: (files: File[]) => void;
}) {
  const imagePicker = useRef<HTMLInputElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [cardOpen, setCardOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }): ToolState => {
      if (!current) return {};
      return {
        h2: current.isActive("heading", { level: 2 }),
        h3: current.isActive("heading", { level: 3 }),
        bold: current.isActive("bold"),
        italic: current.isActive("italic"),
        bulletList: current.isActive("bulletList"),
        orderedList: current.isActive("orderedList"),
        blockquote: current.isActive("blockquote"),
        link: current.isActive("link"),
        card: current.isActive("relatedCard"),
        canUndo: current.can().undo(),
        canRedo: current.can().redo(),
      };
    },
  });
  const off = !canFormat || !editor;
  // Undo/redo stay available while suggesting: they revert one's own suggestion edits.
  const historyOff = !editor || (!canFormat && !mode);
  const chain = () => editor!.chain().focus();

  return (
    // Each name contains the button's visible text (WCAG 2.5.3): a speech user says "click H2".
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <Tool label="H2 heading" pressed={state?.h2} disabled={off} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </Tool>
      <Tool label="H3 heading" pressed={state?.h3} disabled={off} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </Tool>
      <span className="sep" aria-hidden="true" />
      <Tool label="Bold" shortcut="Ctrl+B" pressed={state?.bold} disabled={off} onClick={() => chain().toggleBold().run()}>
        <strong>B</strong>
      </Tool>
      <Tool label="Italic" shortcut="Ctrl+I" pressed={state?.italic} disabled={off} onClick={() => chain().toggleItalic().run()}>
        <em>I</em>
      </Tool>
      <Tool label="Link" pressed={state?.link} disabled={off} onClick={() => setLinkOpen((open) => !open)}>
        Link
      </Tool>
      <span className="sep" aria-hidden="true" />
      <Tool label="Bulleted list" pressed={state?.bulletList} disabled={off} onClick={() => chain().toggleBulletList().run()}>
        • List
      </Tool>
      <Tool label="1. List (numbered)" pressed={state?.orderedList} disabled={off} onClick={() => chain().toggleOrderedList().run()}>
        1. List
      </Tool>
      <Tool label="Quote" pressed={state?.blockquote} disabled={off} onClick={() => chain().toggleBlockquote().run()}>
        “ Quote
      </Tool>
      <Tool label="Insert image" disabled={off} onClick={() => imagePicker.current?.click()}>
        ▣ Image
      </Tool>
      <input
        ref={imagePicker}
        type="file"
        accept={Object.values(MEDIA_CONTENT_TYPES).join(",")}
        multiple
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          onPickImages([...(event.target.files ?? [])]);
          event.target.value = "";
        }}
      />
      <InsertTableButton editor={editor} disabled={off} />
      <Tool label={state?.card ? "Edit related article" : "Related article"} pressed={cardOpen} disabled={off} onClick={() => setCardOpen((open) => !open)}>
        ↗ Related
      </Tool>
      <span className="sep" aria-hidden="true" />
      <Tool label="Undo" shortcut="Ctrl+Z" disabled={historyOff || !state?.canUndo} onClick={() => chain().undo().run()}>
        ↶ Undo
      </Tool>
      <Tool label="Redo" shortcut="Ctrl+Shift+Z" disabled={historyOff || !state?.canRedo} onClick={() => chain().redo().run()}>
        ↷ Redo
      </Tool>
      <span className="sep" aria-hidden="true" />
      {mode && (
        <div className="mode-switch" role="radiogroup" aria-label="Editing mode">
          <button
            type="button"
            role="radio"
            aria-checked={!mode.suggesting}
            className="tool"
            disabled={mode.locked}
            title={mode.locked ? "Your role can only suggest changes" : "Edit the text directly"}
            onClick={() => mode.onChange(false)}
          >
            Editing
          </button>
          <button type="button" role="radio" aria-checked={mode.suggesting} className="tool" onClick={() => mode.onChange(true)} title="Your edits become suggestions">
            Suggesting
          </button>
        </div>
      )}
      <Tool label="Add comment" shortcut="Ctrl+Alt+M" disabled={!canComment || !editor} onClick={onComment}>
        + Comment
      </Tool>
      {linkOpen && editor && !off && <LinkForm editor={editor} onDone={() => setLinkOpen(false)} />}
      {cardOpen && editor && !off && <RelatedCardForm editor={editor} onDone={() => setCardOpen(false)} />}
      {editor && <TableTools editor={editor} disabled={off} />}
      {editor && <FigureDetails editor={editor} disabled={off} />}
    </div>
  );
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const [href, setHref] = useState<string>(() => (editor.getAttributes("link").href as string | undefined) ?? "https://");
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const value = href.trim();
    if (!SAFE_LINK.test(value)) {
      setError("Links must start with https://, http:// or mailto:");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    onDone();
  }

  return (
    <form className="toolbar-row" style={{ width: "100%", margin: "6px 4px 2px", alignItems: "center" }} onSubmit={apply}>
      <label htmlFor="link-href" className="muted">
        Link address
      </label>
      <input
        id="link-href"
        className="input"
        value={href}
        autoFocus
        onChange={(event) => setHref(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onDone()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "link-error" : undefined}
      />
      <button type="submit" className="button">
        Apply link
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          editor.chain().focus().extendMarkRange("link").unsetLink().run();
          onDone();
        }}
      >
        Remove link
      </button>
      {error && (
        <span id="link-error" className="error-text" role="alert" style={{ margin: 0 }}>
          {error}
        </span>
      )}
    </form>
  );
}
