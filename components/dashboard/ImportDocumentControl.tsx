"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type ChangeEvent } from "react";
import { IMPORT_FILE_ACCEPT, importFormatOfFile } from "@/lib/importExport";
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_LABEL } from "@/lib/limits";
import { ErrorMessage } from "../ErrorMessage";


/** Import a Markdown, HTML or text file as a new document; opens it when done. */
export function ImportDocumentControl() {
  const router = useRouter();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Disabled in the server render: a file chosen before the page is
  // interactive would otherwise be silently ignored.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    // The server decides; these checks only spare a pointless upload.
    if (!importFormatOfFile(file.name, file.type)) {
      setError(`“${file.name}” is not a Markdown, HTML or plain text file.`);
      input.value = "";
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setError(`“${file.name}” is larger than the ${MAX_IMPORT_SIZE_LABEL} import limit.`);
      input.value = "";
      return;
    }
    setImporting(true);
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch("/api/documents/import", { method: "POST", body });
      const result = (await response.json().catch(() => ({}))) as { id?: string; error?: string };
      if (!response.ok || !result.id) {
        setError(result.error ?? `Could not import the file (HTTP ${response.status}).`);
        setImporting(false);
        return;
      }
      // "Importing…" stays until the editor replaces this page.
      router.push(`/documents/${result.id}`);
    } catch {
      setError("Could not reach the server.");
      setImporting(false);
    } finally {
      input.value = "";
    }
  }

  return (
    <div className="field import-field">
      <label htmlFor="import-file">Import a file</label>
      <input
        id="import-file"
        type="file"
        className="input"
        accept={IMPORT_FILE_ACCEPT}
        disabled={!interactive || importing}
        aria-describedby="import-hint"
        onChange={(event) => void onFileChosen(event)}
      />
      <span id="import-hint" className="muted">
        Markdown, HTML or plain text, up to {MAX_IMPORT_SIZE_LABEL}
      </span>
      <p className="import-status" role="status">
        {importing ? "Importing…" : ""}
      </p>
      <ErrorMessage message={error} />
    </div>
  );
}
