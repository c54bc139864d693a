"use client";

import { useEffect, useRef, useState } from "react";
import { DocumentAuditLog } from "./DocumentAuditLog";

/**
 * "Activity": the document's audit log in a modal dialog. The native <dialog>
 * traps focus and closes on Escape; closing puts focus back on the button.
 */
export function DocumentActivityButton({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={button} type="button" className="button small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Activity
      </button>
      {open && (
        <ActivityDialog
          documentId={documentId}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

function ActivityDialog({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="share-dialog activity-dialog" aria-labelledby="activity-title" onClose={onClose}>
      <div className="activity-dialog-header">
        <h2 id="activity-title">Activity on this document</h2>
        <button type="button" className="button small" autoFocus onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <DocumentAuditLog documentId={documentId} />
    </dialog>
  );
}
