// For tests: a ProseMirror editor state bound to a Y.Doc the way y-tiptap
// binds it in the browser — each committed state reaches Yjs through
// updateYFragment — and the update that commit produced (what the browser
// would send the server).
import { EditorState } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../../lib/editor/documentExtensions";
import { schema } from "../../../lib/editor/suggestions/testing";

export class BoundEditor {
  private readonly fragment: Y.XmlFragment;
  private readonly meta = { mapping: new Map(), isOMark: new Map() };
  /** The editor's state; a selection change may set it directly (it sends nothing). */
  state: EditorState;

  constructor(private readonly client: Y.Doc) {
    this.fragment = client.getXmlFragment(DOCUMENT_FRAGMENT);
    this.state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(this.fragment, schema) });
  }

  /** The update the editor would send for `next`, and `next` becomes the editor's state. */
  commit(next: EditorState): Uint8Array {
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array) => updates.push(update);
    this.client.on("update", onUpdate);
    this.client.transact(() => updateYFragment(this.client, this.fragment, next.doc, this.meta));
    this.client.off("update", onUpdate);
    this.state = next;
    return Y.mergeUpdates(updates);
  }
}
