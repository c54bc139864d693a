"use client";

import { useEffect, useRef } from "react";

/**
 * A version or comparison, as HTML rendered and sanitized on the server.
 * Insertions get a tooltip naming who typed them.
 */
export function HistoryText({ html, label }: { html: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    container.current?.querySelectorAll<HTMLElement>("ins[data-author-name]").forEach((element) => {
      const name = element.dataset.authorName;
      if (name) element.title = `Inserted by ${name}`;
    });
  }, [html]);
  return <div ref={container} className="tiptap history-text" role="document" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
