"use client";

import type { UploadProgress } from "./useImageUploads";

/** Progress of the uploads under way, and why the last one failed. */
export function UploadStatus({ uploads, error, onDismiss }: { uploads: UploadProgress[]; error: string | null; onDismiss: () => void }) {
  if (uploads.length === 0 && !error) return null;
  return (
    <div className="upload-status">
      {uploads.map((upload) => (
        <p key={upload.id} role="status" className="upload-progress">
          <span>
            Uploading “{upload.name}”… {Math.round(upload.fraction * 100)}%
          </span>
          <progress max={1} value={upload.fraction} aria-label={`Uploading ${upload.name}`} />
        </p>
      ))}
      {error && (
        <p role="alert" className="upload-error">
          {error}{" "}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
