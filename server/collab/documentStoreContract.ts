// The DocumentStore contract (docs/SYNC.md, "Extensions"; rules P1, P4), in
// the manner of tldraw's storageContractSuite: one suite every implementation
// runs — the in-memory store in server/collab/memoryDocumentStore.test.ts, the
// PostgreSQL store in test/integration/collab.documentStore.test.ts. Updates
// are real Yjs updates; "the same document" means the same text.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocumentStore, LoadedDocument, PendingUpdate } from "./documentStore";

export type DocumentStoreFixture = {
  store: DocumentStore;
  /** A document id the store accepts (the PostgreSQL store needs a documents row). */
  newDocumentId: () => Promise<string>;
  /** An author id the store accepts (the PostgreSQL store needs a users row); null authors when absent. */
  newAuthorId?: () => Promise<string>;
  /** The author of each log row of a document, oldest first, where the store exposes them. */
  authorsOf?: (documentId: string) => Promise<(string | null)[]>;
  cleanup?: () => Promise<void>;
};

/** A Y.Doc whose every edit is kept as the update it produced, as a room's client would send it. */
class Editor {
  readonly doc = new Y.Doc();
  readonly updates: Uint8Array[] = [];
  constructor() {
    this.doc.on("update", (update: Uint8Array) => this.updates.push(update));
  }
  /** Appends text; returns the update this edit produced. */
  type(text: string): Uint8Array {
    const before = this.updates.length;
    const content = this.doc.getText("body");
    content.insert(content.length, text);
    expect(this.updates.length).toBe(before + 1);
    return this.updates.at(-1)!;
  }
  deleteFirst(length: number): Uint8Array {
    this.doc.getText("body").delete(0, length);
    return this.updates.at(-1)!;
  }
  get text(): string {
    return this.doc.getText("body").toString();
  }
}

function textOf(loaded: LoadedDocument): string {
  const doc = new Y.Doc();
  for (const update of loaded.updates) Y.applyUpdate(doc, update);
  return doc.getText("body").toString();
}

const bytesOf = (data: Uint8Array) => Array.from(data);

function snapshotOf(doc: Y.Doc) {
  return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

export function runDocumentStoreContract(name: string, makeStore: () => Promise<DocumentStoreFixture>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let fixture: DocumentStoreFixture;
    let store: DocumentStore;
    const authorId = async () => (fixture.newAuthorId ? fixture.newAuthorId() : null);
    /** Appends and returns the last row's id, as most cases need. */
    const append = async (documentId: string, updates: PendingUpdate[]) => (await store.append(documentId, updates)).lastId;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    it("loads a document that has never been written as no updates, lastUpdateId 0n", async () => {
      const documentId = await fixture.newDocumentId();
      expect(await store.load(documentId)).toEqual({ updates: [], lastUpdateId: 0n, tailLength: 0, snapshotStateVector: null });
    });

    it("returns increasing ids from append, across calls and across documents", async () => {
      const [first, second] = [await fixture.newDocumentId(), await fixture.newDocumentId()];
      const editor = new Editor();
      const other = new Editor();
      const ids: bigint[] = [];
      ids.push(await append(first, [{ authorId: null, update: editor.type("a") }]));
      ids.push(await append(second, [{ authorId: null, update: other.type("x") }]));
      ids.push(await append(first, [{ authorId: null, update: editor.type("b") }, { authorId: null, update: editor.type("c") }]));
      ids.push(await append(second, [{ authorId: null, update: other.type("y") }]));
      for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!);
      expect(ids[0]!).toBeGreaterThan(0n);

      // A multi-row append returns its last row's id: the first document's log ends there.
      const loaded = await store.load(first);
      expect(loaded.lastUpdateId).toBe(ids[2]);
      expect(loaded.tailLength).toBe(3);
      expect(textOf(loaded)).toBe("abc");
      expect((await store.load(second)).lastUpdateId).toBe(ids[3]);
    });

    it("loads the log in append order, every row, when there is no snapshot", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      const appended: Uint8Array[] = [];
      for (const word of ["one ", "two ", "three"]) {
        const update = editor.type(word);
        appended.push(update);
        await append(documentId, [{ authorId: null, update }]);
      }
      const loaded = await store.load(documentId);
      expect(loaded.updates.map(bytesOf)).toEqual(appended.map(bytesOf));
      expect(loaded.tailLength).toBe(3);
      expect(textOf(loaded)).toBe("one two three");
    });

    it("loads the snapshot first, then only the rows after its upToUpdateId, with tailLength", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      const id1 = await append(documentId, [{ authorId: null, update: editor.type("Hello") }]);
      const id2 = await append(documentId, [{ authorId: null, update: editor.type(", world") }]);
      const covered = snapshotOf(editor.doc);
      const after = [editor.type("!"), editor.type(" Bye.")];
      const id3 = await append(documentId, [{ authorId: null, update: after[0]! }]);
      const id4 = await append(documentId, [{ authorId: null, update: after[1]! }]);
      expect(id1 < id2 && id2 < id3 && id3 < id4).toBe(true);

      await store.writeSnapshot(documentId, covered.state, covered.stateVector, id2);
      const loaded = await store.load(documentId);
      expect(loaded.updates).toHaveLength(3);
      expect(bytesOf(loaded.updates[0]!)).toEqual(bytesOf(covered.state));
      expect(loaded.updates.slice(1).map(bytesOf)).toEqual(after.map(bytesOf));
      expect(loaded.tailLength).toBe(2);
      expect(loaded.lastUpdateId).toBe(id4);
      expect(textOf(loaded)).toBe("Hello, world! Bye.");
    });

    it("a snapshot covering every row stands in for them: the same text, no tail, lastUpdateId its upToUpdateId", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      let last = 0n;
      for (let i = 0; i < 20; i++) last = await append(documentId, [{ authorId: null, update: editor.type(`w${i} `) }]);
      last = await append(documentId, [{ authorId: null, update: editor.deleteFirst(3) }]);
      const fromLog = textOf(await store.load(documentId));
      expect(fromLog).toBe(editor.text);

      const { state, stateVector } = snapshotOf(editor.doc);
      await store.writeSnapshot(documentId, state, stateVector, last);
      const loaded = await store.load(documentId);
      expect(loaded.updates).toHaveLength(1);
      expect(loaded.tailLength).toBe(0);
      expect(loaded.lastUpdateId).toBe(last);
      expect(textOf(loaded)).toBe(fromLog);
      // The state vector stored with it comes back (the server syncs a first client against it).
      expect(Y.decodeStateVector(loaded.snapshotStateVector!)).toEqual(Y.decodeStateVector(stateVector));
    });

    it("appends after a snapshot are loaded on top of it", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      const upTo = await append(documentId, [{ authorId: null, update: editor.type("Before the snapshot.") }]);
      const { state, stateVector } = snapshotOf(editor.doc);
      await store.writeSnapshot(documentId, state, stateVector, upTo);

      const later = await append(documentId, [{ authorId: null, update: editor.type(" After it.") }]);
      expect(later).toBeGreaterThan(upTo);
      const loaded = await store.load(documentId);
      expect(loaded.tailLength).toBe(1);
      expect(loaded.lastUpdateId).toBe(later);
      expect(textOf(loaded)).toBe("Before the snapshot. After it.");
    });

    it("keeps each row's author, in order, in one multi-author append", async () => {
      const documentId = await fixture.newDocumentId();
      const [alice, bob] = [await authorId(), await authorId()];
      const editor = new Editor();
      await append(documentId, [
        { authorId: alice, update: editor.type("A") },
        { authorId: bob, update: editor.type("B") },
        { authorId: null, update: editor.type("C") },
      ]);
      await append(documentId, [{ authorId: bob, update: editor.type("D") }]);
      expect(textOf(await store.load(documentId))).toBe("ABCD");
      if (fixture.authorsOf) expect(await fixture.authorsOf(documentId)).toEqual([alice, bob, null, bob]);
    });

    it("writeSnapshot replaces the previous snapshot", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      const id1 = await append(documentId, [{ authorId: null, update: editor.type("first") }]);
      const early = snapshotOf(editor.doc);
      await store.writeSnapshot(documentId, early.state, early.stateVector, id1);
      const id2 = await append(documentId, [{ authorId: null, update: editor.type(" second") }]);
      const id3 = await append(documentId, [{ authorId: null, update: editor.type(" third") }]);
      const newer = snapshotOf(editor.doc);
      // The newer snapshot claims only up to id2 although its state holds id3 too:
      // loading then re-applies row id3, which is a no-op.
      await store.writeSnapshot(documentId, newer.state, newer.stateVector, id2);

      const loaded = await store.load(documentId);
      expect(bytesOf(loaded.updates[0]!)).toEqual(bytesOf(newer.state));
      expect(loaded.updates).toHaveLength(2);
      expect(loaded.tailLength).toBe(1);
      expect(loaded.lastUpdateId).toBe(id3);
      expect(textOf(loaded)).toBe("first second third");

      // Replaced again: only the latest snapshot is ever loaded.
      const final = snapshotOf(editor.doc);
      await store.writeSnapshot(documentId, final.state, final.stateVector, id3);
      const reloaded = await store.load(documentId);
      expect(reloaded.updates).toHaveLength(1);
      expect(reloaded.tailLength).toBe(0);
      expect(reloaded.lastUpdateId).toBe(id3);
      expect(textOf(reloaded)).toBe("first second third");
    });

    it("an append returns its first and last row ids, and no other row of the document lies between them", async () => {
      const documentId = await fixture.newDocumentId();
      const editor = new Editor();
      const rows = await store.append(documentId, [
        { authorId: null, update: editor.type("a") },
        { authorId: null, update: editor.type("b") },
        { authorId: null, update: editor.type("c") },
      ]);
      expect(rows.lastId).toBeGreaterThanOrEqual(rows.firstId);
      const tail = await store.readLogAfter(documentId, rows.firstId - 1n);
      expect(tail.updates).toHaveLength(3);
      expect(tail.lastUpdateId).toBe(rows.lastId);
    });

    it("readLogAfter returns the rows after an id in order, leaves out the bytes of skipped appends, and reports the newest id", async () => {
      const documentId = await fixture.newDocumentId();
      const mine = new Editor();
      const theirs = new Editor();
      const first = await append(documentId, [{ authorId: null, update: theirs.type("T1 ") }]);
      const own = await store.append(documentId, [{ authorId: null, update: mine.type("M1 ") }, { authorId: null, update: mine.type("M2 ") }]);
      const later = theirs.type("T2");
      const last = await append(documentId, [{ authorId: null, update: later }]);

      const everything = await store.readLogAfter(documentId, 0n);
      expect(everything.updates).toHaveLength(4);
      expect(everything.lastUpdateId).toBe(last);

      const others = await store.readLogAfter(documentId, first, [own]);
      expect(others.updates.map(bytesOf)).toEqual([bytesOf(later)]);
      expect(others.lastUpdateId).toBe(last);

      // Nothing after the newest row: no updates, the id asked for comes back.
      expect(await store.readLogAfter(documentId, last)).toEqual({ updates: [], lastUpdateId: last });
    });

    it("keeps documents apart: one document's log and snapshot never show up in another's", async () => {
      const [first, second, untouched] = [await fixture.newDocumentId(), await fixture.newDocumentId(), await fixture.newDocumentId()];
      const a = new Editor();
      const b = new Editor();
      const idA = await append(first, [{ authorId: null, update: a.type("only in the first") }]);
      await append(second, [{ authorId: null, update: b.type("only in the second") }]);
      const { state, stateVector } = snapshotOf(a.doc);
      await store.writeSnapshot(first, state, stateVector, idA);
      const idB = await append(second, [{ authorId: null, update: b.type(", still") }]);

      const loadedFirst = await store.load(first);
      const loadedSecond = await store.load(second);
      expect(textOf(loadedFirst)).toBe("only in the first");
      expect(loadedFirst.tailLength).toBe(0);
      expect(textOf(loadedSecond)).toBe("only in the second, still");
      // The first document's snapshot does not cut the second's log short.
      expect(loadedSecond.tailLength).toBe(2);
      expect(loadedSecond.lastUpdateId).toBe(idB);
      expect(await store.load(untouched)).toEqual({ updates: [], lastUpdateId: 0n, tailLength: 0, snapshotStateVector: null });
    });
  });
}
