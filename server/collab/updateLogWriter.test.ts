import * as Y from "yjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DocumentStore, PendingUpdate } from "./documentStore";
import { createUpdateLogWriter, FLUSH_DELAY_MS, MAX_APPEND_BYTES } from "./updateLogWriter";

function memoryStore(options: { failTimes?: number } = {}) {
  const rows: (PendingUpdate & { id: bigint })[] = [];
  let failures = options.failTimes ?? 0;
  const store: DocumentStore = {
    load: async () => ({ updates: [], lastUpdateId: 0n, tailLength: 0, snapshotStateVector: null }),
    append: async (_documentId, updates) => {
      if (failures-- > 0) throw new Error("database down");
      const firstId = BigInt(rows.length + 1);
      for (const update of updates) rows.push({ ...update, id: BigInt(rows.length + 1) });
      return { firstId, lastId: BigInt(rows.length) };
    },
    readLogAfter: async (_documentId, afterId) => ({ updates: [], lastUpdateId: afterId }),
    writeSnapshot: async () => {},
  };
  return { store, rows };
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

afterEach(() => vi.useRealTimers());

describe("update log writer", () => {
  it("writes queued updates after the flush delay, merged per author", async () => {
    vi.useFakeTimers();
    const { store, rows } = memoryStore();
    const writer = createUpdateLogWriter({ documentId: "d", store, lastStoredId: 0n, storedSinceSnapshot: 0, onError: () => {} });
    writer.enqueue({ authorId: "a", update: textUpdate("one") });
    writer.enqueue({ authorId: "b", update: textUpdate("two") });
    writer.enqueue({ authorId: "a", update: textUpdate("three") });
    expect(rows).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
    expect(rows.map((row) => row.authorId)).toEqual(["a", "b"]);
    expect(writer.lastStoredId).toBe(2n);
    expect(writer.storedSinceSnapshot).toBe(2);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, rows[0]!.update);
    expect(merged.getText("t").length).toBe("one".length + "three".length);
  });

  it("tells, after each append, when the oldest update it stored was accepted (the persistence-lag metric)", async () => {
    vi.useFakeTimers();
    const { store } = memoryStore();
    const stored: [number, number][] = [];
    const writer = createUpdateLogWriter({ documentId: "d", store, lastStoredId: 0n, storedSinceSnapshot: 0, onStored: (count, oldest) => stored.push([count, oldest]), onError: () => {} });
    const first = performance.now();
    writer.enqueue({ authorId: "a", update: textUpdate("one") });
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS / 2);
    writer.enqueue({ authorId: "a", update: textUpdate("two") });
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
    expect(stored).toEqual([[2, first]]);
    writer.dispose();
  });

  it("remembers its own appends only on a log other nodes share (alone, the list would grow with every append)", async () => {
    for (const rememberAppends of [false, true]) {
      const { store } = memoryStore();
      const writer = createUpdateLogWriter({ documentId: "d", store, lastStoredId: 0n, storedSinceSnapshot: 0, rememberAppends, onError: () => {} });
      for (const text of ["one", "two", "three"]) {
        writer.enqueue({ authorId: "a", update: textUpdate(text) });
        await writer.flush();
      }
      expect(writer.ownAppendsAfter(0n).map((range) => range.lastId)).toEqual(rememberAppends ? [1n, 2n, 3n] : []);
      if (rememberAppends) expect(writer.ownAppendsAfter(2n).map((range) => range.lastId)).toEqual([3n]);
      writer.dispose();
    }
  });

  it("keeps a failed batch and retries it, in order, until it is stored", async () => {
    vi.useFakeTimers();
    const { store, rows } = memoryStore({ failTimes: 2 });
    const errors: unknown[] = [];
    const writer = createUpdateLogWriter({ documentId: "d", store, lastStoredId: 0n, storedSinceSnapshot: 0, onError: (e) => errors.push(e) });
    writer.enqueue({ authorId: "a", update: textUpdate("kept") });
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
    expect(rows).toHaveLength(0);
    expect(writer.pendingCount).toBe(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(errors).toHaveLength(2);
    expect(rows).toHaveLength(1);
    expect(writer.pendingCount).toBe(0);
  });

  it("flush() stores everything queued immediately", async () => {
    const { store, rows } = memoryStore();
    const writer = createUpdateLogWriter({ documentId: "d", store, lastStoredId: 5n, storedSinceSnapshot: 3, onError: () => {} });
    writer.enqueue({ authorId: null, update: textUpdate("x") });
    await writer.flush();
    expect(rows).toHaveLength(1);
    expect(writer.storedSinceSnapshot).toBe(4);
    writer.markSnapshot();
    expect(writer.storedSinceSnapshot).toBe(0);
    writer.dispose();
  });

  it("writes a burst larger than one append as several bounded appends, in order", async () => {
    const { store, rows } = memoryStore();
    const appends: number[] = [];
    const counting: DocumentStore = { ...store, append: async (documentId, updates) => (appends.push(updates.length), store.append(documentId, updates)) };
    const writer = createUpdateLogWriter({ documentId: "d", store: counting, lastStoredId: 0n, storedSinceSnapshot: 0, onError: () => {} });
    const big = "x".repeat(MAX_APPEND_BYTES / 4);
    for (let i = 0; i < 10; i++) writer.enqueue({ authorId: "a", update: textUpdate(`${i}${big}`) });
    await writer.flush();
    expect(appends.length).toBeGreaterThan(2);
    expect(writer.pendingCount).toBe(0);
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.update);
    expect(doc.getText("t").length).toBe(10 * (big.length + 1));
    writer.dispose();
  });

  it("never runs two appends at once: a flush asked for during a timed one waits and returns only when everything is stored", async () => {
    const { store, rows } = memoryStore();
    let running = 0;
    let overlapped = false;
    const slow: DocumentStore = {
      ...store,
      append: async (documentId, updates) => {
        running++;
        overlapped ||= running > 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        running--;
        return store.append(documentId, updates);
      },
    };
    const writer = createUpdateLogWriter({ documentId: "d", store: slow, lastStoredId: 0n, storedSinceSnapshot: 0, onError: () => {} });
    const big = "y".repeat(MAX_APPEND_BYTES / 3);
    for (let i = 0; i < 6; i++) writer.enqueue({ authorId: "a", update: textUpdate(`${i}${big}`) });
    await new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS + 5));
    await writer.flush();
    expect(overlapped).toBe(false);
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.update);
    expect(doc.getText("t").length).toBe(6 * (big.length + 1));
    writer.dispose();
  });
});
