// The one seam between route handlers and the sync server. Route handlers run
// in Next's bundle, which loads its own copy of every module (and of yjs), so
// the sync server installs this object as a process global at start; only
// data crosses it — encoded states, JSON content, events — never a live
// Y.Doc, whose classes the bundle's yjs would not recognise. With several
// nodes the same calls reach every node (docs/SYNC.md, "Several nodes").
import type { JSONContent } from "@tiptap/core";
import type { DocumentEvent } from "../../lib/review/reviewTypes";
import type { NewsroomEvent } from "../../lib/newsroomEvents";
import { processGlobal } from "../processGlobal";

export type DocumentEventOptions = {
  /** Roles may have changed (membership, review mode): connections re-authorize. */
  rolesChanged?: boolean;
};

export type ClusterHealth =
  | { mode: "single" }
  | { mode: "cluster"; redis: "connected" | "unreachable"; nodeId: string; otherNodes: number };

export type SyncBridge = {
  /**
   * The document's current state, encoded, when a room on this node has it
   * open. Null when this node has no room for it: the store is then current.
   * With several nodes, every node that has it open stores what it holds first.
   */
  currentState(documentId: string): Promise<Uint8Array | null>;
  /** Every node that has the document open stores what it holds (no-op where it is not open). */
  flush(documentId: string): Promise<void>;
  /** Opens the document's room here if needed, edits its text into `content` as `authorId` (one transaction) and stores it. */
  replaceContent(documentId: string, authorId: string, content: JSONContent): Promise<void>;
  /** Delivers a review event to every connection of the document, on every node. */
  publishDocumentEvent(documentId: string, event: DocumentEvent, options: DocumentEventOptions): void;
  /** Sends a dashboard event to the other nodes (this node's dashboards already have it). */
  relayNewsroomEvent(event: NewsroomEvent): void;
  health(): ClusterHealth;
};

const bridge = processGlobal<SyncBridge>("syncBridge");

/** Installs the bridge; the returned function removes it (if it is still the current one). */
export const installSyncBridge = (value: SyncBridge) => bridge.set(value);

/** The running sync server's bridge, or undefined (a script, or a test without a sync server). */
export const syncBridge = (): SyncBridge | undefined => bridge.get();
