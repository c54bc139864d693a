// Edits a document's `default` fragment into the given content with
// y-prosemirror's own sync step, which keeps what is unchanged (carets and
// comment anchors there survive) and changes only the rest.
import type { JSONContent } from "@tiptap/core";
import { updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../lib/editor/documentExtensions";
import { documentSchema } from "../documents/documentState";

export function replaceDocumentContent(doc: Y.Doc, content: JSONContent): void {
  const target = documentSchema().nodeFromJSON(content);
  target.check();
  updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
}
