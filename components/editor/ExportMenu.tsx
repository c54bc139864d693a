"use client";

import { useRef } from "react";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/importExport";

const LABELS: Record<ExportFormat, string> = { markdown: "Markdown (.md)", html: "HTML (.html)", json: "JSON (.json)" };

/**
 * Download links for the document as it stands (pending suggestions left out).
 * A native disclosure: keyboard and screen readers work without script.
 */
export function ExportMenu({ documentId }: { documentId: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  return (
    <details className="export-menu" ref={menu}>
      <summary className="button small">Export</summary>
      <ul aria-label="Export formats">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={`/api/documents/${documentId}/export?format=${format}`} download onClick={() => menu.current?.removeAttribute("open")}>
              {LABELS[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
