// A document's current content: from its open room when there is one (it has
// edits still inside the write-behind window), else from PostgreSQL.
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { createPrismaDocumentStore } from "../collab/documentStore";
import { findLiveDocument } from "../collab/liveDocuments";
import { documentJSONFromYDoc } from "./documentState";

export async function loadCurrentDocument(documentId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const live = findLiveDocument(documentId);
  if (live) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    return doc;
  }
  const { updates } = await createPrismaDocumentStore().load(documentId);
  Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)));
  return doc;
}

/** SHA-256 of the document's canonical JSON (keys sorted): what an approval pins. */
export function contentHash(doc: Y.Doc): string {
  return createHash("sha256").update(canonicalJson(documentJSONFromYDoc(doc))).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
