// The browser's own copy of each document it opened (y-indexeddb): edits made
// while offline survive a closed tab and reach the server when the document is
// opened again (the provider syncs the copy's updates like any other). One
// copy per signed-in user and document, named by both, and every copy is
// removed at sign-out: newsrooms share computers.
import { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

const COPY_PREFIX = "newsroom-copy:";
/** Names of the copies this browser made, kept so sign-out can find them where indexedDB.databases() is missing. */
const REGISTRY_KEY = "newsroom.localCopies";
/** Longest sign-out waits for a copy another tab still holds open. */
const REMOVE_WAIT_MS = 2_000;

export type LocalCopy = {
  /** Resolves once the stored copy has been applied to the document. */
  whenLoaded: Promise<void>;
  /** Deletes this copy (the server refused an edit in it: start over from the server's state). */
  discard(): Promise<void>;
  close(): void;
};

export function openLocalCopy(userId: string, documentId: string, doc: Y.Doc): LocalCopy {
  const name = `${COPY_PREFIX}${userId}:${documentId}`;
  remember(name);
  const persistence = new IndexeddbPersistence(name, doc);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    discard: () => persistence.clearData(),
    close: () => void persistence.destroy(),
  };
}

/** Removes every document copy this browser holds (at sign-out). */
export async function removeLocalCopies(): Promise<void> {
  const names = new Set(registered());
  try {
    for (const database of (await indexedDB.databases?.()) ?? []) if (database.name?.startsWith(COPY_PREFIX)) names.add(database.name);
  } catch {
    // Not supported here: the registry has the names.
  }
  await Promise.all([...names].map(deleteDatabase));
  localStorage.removeItem(REGISTRY_KEY);
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => resolve();
    // Another tab of this browser still has it open: it is deleted once that tab closes.
    request.onblocked = () => setTimeout(resolve, REMOVE_WAIT_MS);
  });
}

function registered(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

function remember(name: string): void {
  const names = registered();
  if (!names.includes(name)) localStorage.setItem(REGISTRY_KEY, JSON.stringify([...names, name]));
}
