// Who is connected to which document, for the dashboard's "editing now".
// Lives on globalThis because Next's bundled route handlers and the custom
// server load separate copies of this module in one process.
import type { PresentUser } from "../../lib/documentTypes";

export type { PresentUser };

const key = Symbol.for("newsroom.presence");
type Registry = Map<string, Map<string, PresentUser & { connections: number }>>;
type GlobalWithRegistry = typeof globalThis & { [key]?: Registry };

function registry(): Registry {
  const holder = globalThis as GlobalWithRegistry;
  holder[key] ??= new Map();
  return holder[key];
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
