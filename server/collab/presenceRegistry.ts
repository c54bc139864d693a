// Who is connected to which document, for the dashboard's "editing now".
// A process global: the sync server writes it, Next's route handlers read it.
import type { PresentUser } from "../../lib/documentTypes";
import { processGlobal } from "../processGlobal";

export type { PresentUser };

type Registry = Map<string, Map<string, PresentUser & { connections: number }>>;
const presence = processGlobal<Registry>("presence");

function registry(): Registry {
  let current = presence.get();
  if (!current) {
    current = new Map();
    presence.set(current);
  }
  return current;
}

export function addPresence(documentId: string, user: PresentUser): void {
  const users = registry().get(documentId) ?? new Map();
  const entry = users.get(user.id);
  users.set(user.id, { ...user, connections: (entry?.connections ?? 0) + 1 });
  registry().set(documentId, users);
}

export function removePresence(documentId: string, userId: string): void {
  const users = registry().get(documentId);
  const entry = users?.get(userId);
  if (!users || !entry) return;
  if (entry.connections > 1) users.set(userId, { ...entry, connections: entry.connections - 1 });
  else users.delete(userId);
  if (users.size === 0) registry().delete(documentId);
}

export function presentUsers(documentId: string): PresentUser[] {
  return [...(registry().get(documentId)?.values() ?? [])].map(({ id, name, color }) => ({ id, name, color }));
}
