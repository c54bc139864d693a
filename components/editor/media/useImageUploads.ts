"use client";

// Uploads started from the toolbar, a paste or a drop. A figure is inserted
// only once its upload is stored, so collaborators never see a figure
// without its image; until then only the uploader sees the progress.
import type { Editor } from "@tiptap/react";
import { useCallback, useState } from "react";
import { MAX_MEDIA_BYTES, MAX_MEDIA_SIZE_LABEL } from "@/lib/media";
import { uploadImage } from "./uploadImage";

export type UploadProgress = { id: number; name: string; fraction: number };

let nextId = 0;

export function useImageUploads(editor: Editor | null, documentId: string) {
  const [uploads, setUploads] = useState<UploadProgress[]>([]);
  const [error, setError] = useState<string | null>(null);

  const upload = useCallback(
    async (file: File) => {
      if (!editor) return;
      if (file.size > MAX_MEDIA_BYTES) {
        setError(`Could not add “${file.name}”: the image is larger than ${MAX_MEDIA_SIZE_LABEL}`);
        return;
      }
      const id = nextId++;
      setError(null);
      setUploads((current) => [...current, { id, name: file.name, fraction: 0 }]);
      try {
        const media = await uploadImage(documentId, file, (fraction) =>
          setUploads((current) => current.map((entry) => (entry.id === id ? { ...entry, fraction } : entry))),
        );
        if (!editor.isDestroyed) editor.chain().focus().insertFigure(media).run();
      } catch (failure) {
        // The document is unchanged: nothing was inserted.
        setError(`Could not add “${file.name}”: ${failure instanceof Error ? failure.message : String(failure)}`);
      } finally {
        setUploads((current) => current.filter((entry) => entry.id !== id));
      }
    },
    [editor, documentId],
  );

  /** Uploads the image files among `files`, one after the other; true if there was any. */
  const uploadFiles = useCallback(
    (files: Iterable<File>) => {
      const images = [...files].filter((file) => file.type.startsWith("image/") || file.type === "");
      if (images.length === 0) return false;
      void images.reduce((previous, file) => previous.then(() => upload(file)), Promise.resolve());
      return true;
    },
    [upload],
  );

  return { uploads, error, dismissError: () => setError(null), uploadFiles };
}
