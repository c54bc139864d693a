// The open rooms' documents, for code outside the sync server that needs the
// freshest content (approving pins the exact text). On globalThis for the
// same reason as documentEvents: route handlers are a separate module copy.
import type * as Y from "yjs";

type Lookup = (documentId: string) => Y.Doc | undefined;
const key = Symbol.for("newsroom.liveDocuments");
type GlobalWithLookup = typeof globalThis & { [key]?: Lookup };

export function installLiveDocumentLookup(lookup: Lookup): () => void {
  const holder = globalThis as GlobalWithLookup;
  holder[key] = lookup;
  return () => {
    if (holder[key] === lookup) delete holder[key];
  };
}

export function findLiveDocument(documentId: string): Y.Doc | undefined {
  return (globalThis as GlobalWithLookup)[key]?.(documentId);
}
