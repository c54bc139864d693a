// The content hash an approval pins and every version records: SHA-256 of the
// document's canonical JSON (keys sorted). Its own module, free of database
// imports, so the version-digest worker thread can load it.
import { createHash } from "node:crypto";
import type * as Y from "yjs";
import { documentJSONFromYDoc } from "./documentState";

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
