// 4. Version history on the seeded analysis and on a ten-times longer piece:
// taking a version, comparing the first version with the text after 40 edits
// by another editor, and "who wrote which paragraph". The history functions
// run in this process against the same PostgreSQL; the edits go through the
// sync server (child process) from a full client, and are flushed first.
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "../server/db/prisma";
import { yDocFromJSON } from "../server/documents/documentState";
import { listBlockAuthorship } from "../server/history/blockAuthorship";
import { compareVersions } from "../server/history/compareVersions";
import { takeVersion } from "../server/history/versions";
import { istanbulTalksAnalysis } from "../server/seed/istanbulTalksAnalysis";
import { connectFullClient } from "./fullClient";
import type { BenchUser } from "./fixtures";
import type { ServerUnderTest } from "./servers";
import { median } from "./stats";

export type HistoryBenchResult = {
  label: string;
  words: number;
  blocks: number;
  versionBytes: number;
  takeVersionMs: number;
  compareMs: number;
  /** Insertions the comparison found (one per edited paragraph). */
  changes: number;
  authorshipMs: number;
};

const EDITS = 40;
const REPEATS = 5;

export async function runHistoryBench(server: ServerUnderTest, users: BenchUser[], log: (line: string) => void): Promise<HistoryBenchResult[]> {
  const results: HistoryBenchResult[] = [];
  for (const copies of [1, 10]) {
    const label = copies === 1 ? "seeded analysis" : `seeded analysis × ${copies}`;
    results.push(await measure(server, users, label, copies));
    const last = results.at(-1)!;
    log(`  ${label}: version ${last.takeVersionMs.toFixed(1)} ms, compare ${last.compareMs.toFixed(1)} ms, authorship ${last.authorshipMs.toFixed(1)} ms`);
  }
  return results;
}

async function measure(server: ServerUnderTest, users: BenchUser[], label: string, copies: number): Promise<HistoryBenchResult> {
  const [owner, editor] = users as [BenchUser, BenchUser];
  const actor = { id: owner.id, role: "editor" as const };
  const content: JSONContent = { type: "doc", content: Array.from({ length: copies }, () => istanbulTalksAnalysis.content ?? []).flat() };
  const initial = yDocFromJSON(content);
  const state = Y.encodeStateAsUpdate(initial);
  const stateVector = Y.encodeStateVector(initial);
  initial.destroy();
  const { id: documentId } = await getPrisma().document.create({
    data: {
      title: `History bench: ${label}`,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "editor" }] },
      snapshot: { create: { state: new Uint8Array(state), stateVector: new Uint8Array(stateVector), upToUpdateId: 0n } },
    },
    select: { id: true },
  });

  const first = await takeVersion(documentId, { kind: "named", name: "Before edits", createdById: owner.id });
  const client = connectFullClient({ endpoint: server.endpoint, documentId, name: editor.name, color: "#333333", cookie: editor.cookie });
  // Edits in the same paragraph are adjacent (each goes at its start), so they compare as one insertion.
  const editedParagraphs = new Set<number>();
  try {
    await client.synced();
    const paragraphs = client.fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
    for (let edit = 0; edit < EDITS; edit++) {
      const index = Math.floor((edit * paragraphs.length) / EDITS);
      editedParagraphs.add(index);
      const paragraph = paragraphs[index]!;
      const text = paragraph.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
      text?.insert(0, `Edit ${edit}: `);
    }
    await waitForStored(server, documentId);
  } finally {
    client.destroy();
  }

  const takeTimes: number[] = [];
  for (let index = 0; index < REPEATS; index++) takeTimes.push(await timed(() => takeVersion(documentId, { kind: "named", name: `Bench ${index}` })));
  let changes = 0;
  const compareTimes: number[] = [];
  for (let index = 0; index < REPEATS; index++) {
    compareTimes.push(await timed(async () => (changes = (await compareVersions(actor, documentId, first.number, "current")).insertions)));
  }
  if (changes !== editedParagraphs.size) throw new Error(`expected ${editedParagraphs.size} insertions in the comparison, found ${changes}`);
  let blocks = 0;
  const authorshipTimes: number[] = [];
  for (let index = 0; index < REPEATS; index++) authorshipTimes.push(await timed(async () => (blocks = (await listBlockAuthorship(actor, documentId)).length)));
  const [size] = await getPrisma().$queryRaw<{ bytes: number }[]>`
    SELECT octet_length(state) AS bytes FROM document_versions WHERE document_id = ${documentId}::uuid AND number = ${first.number}`;
  return {
    label,
    words: first.wordCount,
    blocks,
    versionBytes: Number(size?.bytes ?? 0),
    takeVersionMs: median(takeTimes),
    compareMs: median(compareTimes),
    changes,
    authorshipMs: median(authorshipTimes),
  };
}

// The client sends each edit as it makes it; after a moment on loopback the
// room has them all, and the flush stores them (where the server offers no
// flush, its write-behind has stored them a second later). The comparison's
// count of insertions checks that it did.
async function waitForStored(server: ServerUnderTest, documentId: string) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (!(await server.flush(documentId))) await new Promise((resolve) => setTimeout(resolve, 1500));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
