"use client";

import { useCallback, useEffect, useState } from "react";
import type { DocumentEvent, ThreadView } from "@/lib/review/reviewTypes";
import { requestJson } from "./reviewApi";

/**
 * The document's comment threads: loaded once, then kept current by the
 * events the server pushes over the document's socket (never by polling).
 */
export function useThreads(documentId: string, onDocumentEvent: (listener: (event: DocumentEvent) => void) => () => void) {
  const [threads, setThreads] = useState<ThreadView[]>([]);
  const [error, setError] = useState<string | null>(null);

  const upsert = useCallback((thread: ThreadView) => {
    setThreads((current) => {
      const index = current.findIndex((candidate) => candidate.id === thread.id);
      if (index === -1) return [...current, thread];
      const next = current.slice();
      next[index] = thread;
      return next;
    });
  }, []);
  const remove = useCallback((threadId: string) => setThreads((current) => current.filter((thread) => thread.id !== threadId)), []);

  const reload = useCallback(async () => {
    try {
      const { threads: loaded } = await requestJson<{ threads: ThreadView[] }>(`/api/documents/${documentId}/threads`);
      setThreads(loaded);
      setError(null);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not load comments");
    }
  }, [documentId]);

  useEffect(() => {
    void reload();
    return onDocumentEvent((event) => {
      if (event.type === "thread") upsert(event.thread);
      if (event.type === "thread-deleted") remove(event.threadId);
    });
  }, [reload, onDocumentEvent, upsert, remove]);

  return { threads, error, upsert, remove, reload };
}
