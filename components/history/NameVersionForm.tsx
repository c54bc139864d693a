"use client";

import { useState } from "react";
import { MAX_VERSION_NAME_LENGTH } from "@/lib/limits";
import type { VersionSummary } from "@/lib/history/historyTypes";
import { ErrorMessage } from "../ErrorMessage";
import { nameVersion } from "./historyApi";

/** "Sent to legal": names the current text as a version. */
export function NameVersionForm(props: { documentId: string; onNamed: (version: VersionSummary) => void }) {
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      props.onNamed(await nameVersion(props.documentId, name.trim()));
      setName("");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not save the version");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="name-version"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="version-name">Name the current text</label>
      <div className="toolbar-row">
        <input
          id="version-name"
          className="input"
          placeholder="e.g. Sent to legal"
          value={name}
          maxLength={MAX_VERSION_NAME_LENGTH}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button small primary" disabled={pending || name.trim() === ""}>
          {pending ? "Saving…" : "Save version"}
        </button>
      </div>
      <ErrorMessage message={error} />
    </form>
  );
}
