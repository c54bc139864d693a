// The open rooms' documents, for code outside the sync server that needs the
// freshest content (approving pins the exact text). A process global for the
// same reason as documentEvents: route handlers are a separate module copy.
import type * as Y from "yjs";
import { processGlobal } from "../processGlobal";

type Lookup = (documentId: string) => Y.Doc | undefined;
const lookup = processGlobal<Lookup>("liveDocuments");

export const installLiveDocumentLookup = (find: Lookup) => lookup.set(find);

export function findLiveDocument(documentId: string): Y.Doc | undefined {
  return lookup.get()?.(documentId);
}
