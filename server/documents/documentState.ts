// Converting between editor JSON and the Yjs state the sync server stores,
// with the same schema the browser editor uses.
import { getSchema, type JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT, documentExtensions } from "../../lib/editor/documentExtensions";

let schema: ReturnType<typeof getSchema> | undefined;
export function documentSchema() {
  schema ??= getSchema(documentExtensions());
  return schema;
}

/** A Y.Doc whose `default` fragment holds the given content (validated against the schema). */
export function yDocFromJSON(content: JSONContent): Y.Doc {
  const node = documentSchema().nodeFromJSON(content);
  node.check();
  return prosemirrorJSONToYDoc(documentSchema(), node.toJSON(), DOCUMENT_FRAGMENT);
}

export function documentJSONFromYDoc(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FRAGMENT)) as JSONContent;
}

/** Plain text of a document, paragraphs separated by blank lines (for tests, search, word counts). */
export function documentTextFromYDoc(doc: Y.Doc): string {
  const node = documentSchema().nodeFromJSON(documentJSONFromYDoc(doc));
  return node.textBetween(0, node.content.size, "\n\n", " ");
}
