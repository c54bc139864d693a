"use client";

import { useEffect, useRef, useState } from "react";
import { MAX_TITLE_LENGTH } from "@/lib/limits";

/** The document's title: editable in place for editors, saved on Enter or blur. */
export function DocumentTitleField({ documentId, title: currentTitle, canRename }: { documentId: string; title: string; canRename: boolean }) {
  const [title, setTitle] = useState(currentTitle);
  const [saved, setSaved] = useState(currentTitle);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  // A colleague renamed the document: show it, unless we are typing a new title.
  useEffect(() => {
    setSaved(currentTitle);
    if (document.activeElement !== field.current) setTitle(currentTitle);
  }, [currentTitle]);

  if (!canRename) return <h1 className="title-static">{saved}</h1>;

  async function save() {
    const next = title.trim();
    if (next === saved) return;
    if (next === "") {
      setTitle(saved);
      setMessage({ text: "A title can't be empty; kept the previous one.", error: true });
      return;
    }
    setMessage({ text: "Saving title…", error: false });
    try {
      const response = await fetch(`/api/documents/${documentId}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: next }),
      });
      const body = (await response.json().catch(() => ({}))) as { title?: string; error?: string };
      if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
      setSaved(body.title ?? next);
      setTitle(body.title ?? next);
      setMessage({ text: "Title saved", error: false });
    } catch (error) {
      setMessage({ text: `Title not saved: ${error instanceof Error ? error.message : "unknown error"}`, error: true });
    }
  }

  return (
    <>
      <h1 style={{ margin: 0 }}>
        {/* A textarea so long headlines wrap; Enter saves instead of adding a line. */}
        <textarea
          ref={field}
          className="title-input"
          aria-label="Document title"
          rows={1}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(event) => setTitle(event.target.value.replace(/\s*\n\s*/g, " "))}
          onBlur={() => void save()}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              event.currentTarget.blur();
            }
            if (event.key === "Escape") setTitle(saved);
          }}
        />
      </h1>
      <p className="title-status" role={message?.error ? "alert" : "status"} style={message?.error ? { color: "var(--bad)" } : undefined}>
        {message?.text}
      </p>
    </>
  );
}
