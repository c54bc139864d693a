"use client";

import { useEffect, useRef, useState } from "react";
import type { VersionSummary } from "@/lib/history/historyTypes";
import { ErrorMessage } from "../ErrorMessage";
import { restoreVersion } from "./historyApi";

/** Confirms and restores a version as a new edit on top of the current text. */
export function RestoreVersionDialog(props: {
  documentId: string;
  version: VersionSummary;
  onRestored: (version: VersionSummary) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      props.onRestored(await restoreVersion(props.documentId, props.version.number));
      dialog.current?.close();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not restore the version");
      setPending(false);
    }
  }

  return (
    <dialog ref={dialog} className="share-dialog" role="alertdialog" aria-labelledby="restore-title" aria-describedby="restore-description" onClose={props.onClose}>
      <h2 id="restore-title">Restore version {props.version.number}?</h2>
      <p id="restore-description">
        The document&apos;s text becomes the text of version {props.version.number}, as one new edit that everyone in the document sees.
        Nothing is lost: the current text is kept as a version first, and every earlier version stays in the history.
      </p>
      <ErrorMessage message={error} />
      <div className="toolbar-row dialog-actions">
        <button type="button" className="button primary" disabled={pending} onClick={() => void confirm()}>
          {pending ? "Restoring…" : `Restore version ${props.version.number}`}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
