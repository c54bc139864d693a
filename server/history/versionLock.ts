// Versions of one document are taken one at a time: each decides "is there
// anything new since the latest version?" and picks the next number, which
// would race otherwise (a restore and the room's unload checkpoint, say) —
// on one node or across several. Two layers:
// - in this process, a queue per document (route handlers and the sync
//   server are separate module copies, so the queue is a process global);
//   it keeps one process from tying up several database connections waiting;
// - across processes and nodes, a PostgreSQL advisory lock held by a
//   transaction for as long as the work runs.
import { LockClass, withAdvisoryLock } from "../db/advisoryLock";
import { processGlobal } from "../processGlobal";

const queues = processGlobal<Map<string, Promise<unknown>>>("versionLocks");

export function withVersionLock<T>(documentId: string, work: () => Promise<T>): Promise<T> {
  const map = queues.getOrCreate(() => new Map());
  const previous = map.get(documentId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withAdvisoryLock(LockClass.versions, documentId, work));
  const settled = run.catch(() => undefined);
  map.set(documentId, settled);
  void settled.then(() => {
    if (map.get(documentId) === settled) map.delete(documentId);
  });
  return run;
}
