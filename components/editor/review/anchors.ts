// Comment anchors: a selection turned into two Yjs relative positions (so the
// range follows the text through everyone's edits) and back.
import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

export type EncodedAnchor = { start: string; end: string };

type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null };

function syncState(state: EditorState): SyncState | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? ystate : null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** The current selection as an anchor plus its text, or null for an empty selection. */
export function anchorFromSelection(state: EditorState): { anchor: EncodedAnchor; quote: string } | null {
  const { from, to, empty } = state.selection;
  const ystate = syncState(state);
  if (empty || !ystate) return null;
  const start = absolutePositionToRelativePosition(from, ystate.type, ystate.binding!.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, ystate.type, ystate.binding!.mapping) as Y.RelativePosition;
  return {
    anchor: { start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)) },
    quote: state.doc.textBetween(from, to, "\n", " "),
  };
}

/**
 * Where an anchor is now. Null when its text was deleted (the range
 * collapsed): the thread is then shown as detached, with its quote.
 */
export function resolveAnchor(state: EditorState, anchor: EncodedAnchor): { from: number; to: number } | null {
  const ystate = syncState(state);
  if (!ystate) return null;
  try {
    const from = relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.decodeRelativePosition(fromBase64(anchor.start)), ystate.binding!.mapping);
    const to = relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.decodeRelativePosition(fromBase64(anchor.end)), ystate.binding!.mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    return null;
  }
}
