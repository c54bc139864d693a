// Sends one image to POST /api/documents/:id/media. XMLHttpRequest rather
// than fetch: fetch reports no upload progress.
import type { UploadedMedia } from "@/lib/media";

export class UploadError extends Error {}

export function uploadImage(documentId: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedMedia> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/documents/${documentId}/media`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (UploadedMedia & { error?: string }) | null;
      if (request.status === 201 && body?.hash) resolve(body);
      else reject(new UploadError(body?.error ?? `The server answered ${request.status}`));
    };
    request.onerror = () => reject(new UploadError("The connection to the server failed"));
    request.send(file);
  });
}
