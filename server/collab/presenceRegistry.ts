// Who is connected to which document, for the dashboard's "editing now".
// A process global: the sync server writes it, Next's route handlers read it.
// With several nodes each node keeps its own connections here and the lists
// the other nodes announced (ClusterPresenceExtension); readers see the union.
import type { PresentUser } from "../../lib/documentTypes";
import { processGlobal } from "../processGlobal";

export type { PresentUser };

type Registry = {
  /** This node's connections: document → user → how many of their sockets. */
  local: Map<string, Map<string, PresentUser & { connections: number }>>;
  /** Other nodes' lists: node → document → users. */
  remote: Map<string, Map<string, PresentUser[]>>;
};
const presence = processGlobal<Registry>("presence");

function registry(): Registry {
  return presence.getOrCreate(() => ({ local: new Map(), remote: new Map() }));
}

export function addPresence(documentId: string, user: PresentUser): void {
  const { local } = registry();
  const users = local.get(documentId) ?? new Map();
  const entry = users.get(user.id);
  users.set(user.id, { ...user, connections: (entry?.connections ?? 0) + 1 });
  local.set(documentId, users);
}

export function removePresence(documentId: string, userId: string): void {
  const { local } = registry();
  const users = local.get(documentId);
  const entry = users?.get(userId);
  if (!users || !entry) return;
  if (entry.connections > 1) users.set(userId, { ...entry, connections: entry.connections - 1 });
  else users.delete(userId);
  if (users.size === 0) local.delete(documentId);
}

/** Everyone editing the document, on any node, once each. */
export function presentUsers(documentId: string): PresentUser[] {
  const { remote } = registry();
  const byId = new Map<string, PresentUser>();
  for (const user of localPresentUsers(documentId)) byId.set(user.id, user);
  for (const documents of remote.values()) for (const user of documents.get(documentId) ?? []) if (!byId.has(user.id)) byId.set(user.id, user);
  return [...byId.values()];
}

/** The documents this node has connections to, each with its users (what a node announces). */
export function localPresence(): Map<string, PresentUser[]> {
  return new Map([...registry().local.keys()].map((documentId) => [documentId, localPresentUsers(documentId)]));
}

export function localPresentUsers(documentId: string): PresentUser[] {
  return [...(registry().local.get(documentId)?.values() ?? [])].map(({ id, name, color }) => ({ id, name, color }));
}

/** Records another node's list for a document (empty: nobody there any more). */
export function setRemotePresence(nodeId: string, documentId: string, users: PresentUser[]): void {
  const { remote } = registry();
  const documents = remote.get(nodeId) ?? new Map<string, PresentUser[]>();
  if (users.length > 0) documents.set(documentId, users);
  else documents.delete(documentId);
  if (documents.size > 0) remote.set(nodeId, documents);
  else remote.delete(nodeId);
}

/** Forgets a node that stopped; returns the documents it had people in. */
export function forgetNodePresence(nodeId: string): string[] {
  const { remote } = registry();
  const documents = [...(remote.get(nodeId)?.keys() ?? [])];
  remote.delete(nodeId);
  return documents;
}
