// Cost of checkSuggesterUpdate per keystroke on the seeded analysis.
//   npx tsx server/review/suggestions/checkSuggesterUpdate.bench.ts
//
// A suggester's editor types (and now and then presses Backspace) at random
// places, through the real pipeline: suggestTransaction() rewrites the edit,
// y-tiptap's updateYFragment() turns it into a Yjs update, the server checks
// it and applies it. Only the check is timed.
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../../../lib/editor/documentExtensions";
import { deleteCharacterCommand } from "../../../lib/editor/suggestions/deleteCommands";
import { suggestTransaction } from "../../../lib/editor/suggestions/suggestTransaction";
import { documentSchema, yDocFromJSON } from "../../documents/documentState";
import { istanbulTalksAnalysis } from "../../seed/istanbulTalksAnalysis";
import { SuggesterUpdateGate, checkSuggesterUpdate } from "./checkSuggesterUpdate";

const AUTHOR = { id: "00000000-0000-4000-8000-000000000001", name: "Ayşe Demir" };

/** One suggested keystroke at each of `count` places, each checked against the unedited seeded analysis. */
function pristine(count: number) {
  const server = yDocFromJSON(istanbulTalksAnalysis);
  const schema = documentSchema();
  const timings: number[] = [];
  let refused = 0;
  for (let k = 0; k < count; k++) {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const fragment = client.getXmlFragment(DOCUMENT_FRAGMENT);
    let state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema) });
    const pos = 1 + ((k * 7919) % (state.doc.content.size - 2));
    const $pos = state.doc.resolve(pos);
    if (!$pos.parent.inlineContent) continue;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
    const result = suggestTransaction(state.tr.insertText("x"), state, { author: AUTHOR });
    if (!result.ok) continue;
    const updates: Uint8Array[] = [];
    client.on("update", (update: Uint8Array) => updates.push(update));
    client.transact(() => updateYFragment(client, fragment, state.apply(result.transaction).doc, { mapping: new Map(), isOMark: new Map() }));
    const update = Y.mergeUpdates(updates);
    const start = performance.now();
    if (!checkSuggesterUpdate(server, update, AUTHOR.id).ok) refused++;
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  const pick = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
  return { mode: "checkSuggesterUpdate", keystrokes: timings.length, refused, stateBytes: Y.encodeStateAsUpdate(server).length, medianMs: pick(0.5), p90Ms: pick(0.9) };
}

function run(mode: "checkSuggesterUpdate" | "SuggesterUpdateGate", keystrokes: number, warmupKeystrokes: number) {
  const server = yDocFromJSON(istanbulTalksAnalysis);
  const gate = mode === "SuggesterUpdateGate" ? new SuggesterUpdateGate(server) : null;
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const fragment = client.getXmlFragment(DOCUMENT_FRAGMENT);
  const meta = { mapping: new Map(), isOMark: new Map() };
  const schema = documentSchema();
  let state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema) });
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  const textPositions = () => {
    const positions: number[] = [];
    state.doc.descendants((node, pos) => {
      if (node.isText) for (let i = 0; i <= node.nodeSize; i += 7) positions.push(pos + i);
      return true;
    });
    return positions;
  };

  const timings: number[] = [];
  let refused = 0;
  let burst = 0;
  for (let k = 0; k < warmupKeystrokes + keystrokes; k++) {
    if (burst === 0) {
      const positions = textPositions();
      const pos = positions[Math.floor(random() * positions.length)]!;
      state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
      burst = 3 + Math.floor(random() * 10);
    }
    burst--;
    let tr = random() < 0.15 ? null : state.tr.insertText("abcdefghij"[Math.floor(random() * 10)]!);
    if (!tr) deleteCharacterCommand(-1)(state, (t) => (tr = t));
    if (!tr) continue;
    const result = suggestTransaction(tr, state, { author: AUTHOR });
    if (!result.ok) continue;
    state = state.apply(result.transaction);
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array) => updates.push(update);
    client.on("update", onUpdate);
    client.transact(() => updateYFragment(client, fragment, state.doc, meta));
    client.off("update", onUpdate);
    const update = Y.mergeUpdates(updates);

    // Timed: the check (for the gate, check + apply, as the room would call it).
    const start = performance.now();
    const verdict = gate ? gate.apply(update, AUTHOR.id) : checkSuggesterUpdate(server, update, AUTHOR.id);
    const elapsed = performance.now() - start;
    if (!verdict.ok) refused++;
    if (!gate) Y.applyUpdate(server, update);
    if (k >= warmupKeystrokes) timings.push(elapsed);
  }
  gate?.destroy();
  timings.sort((a, b) => a - b);
  const pick = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]!.toFixed(2);
  return {
    mode,
    keystrokes: timings.length,
    refused,
    stateBytes: Y.encodeStateAsUpdate(server).length,
    medianMs: pick(0.5),
    p90Ms: pick(0.9),
    p99Ms: pick(0.99),
  };
}

console.log("unedited seeded analysis, one keystroke each:", pristine(400));
for (const mode of ["checkSuggesterUpdate", "SuggesterUpdateGate"] as const) {
  console.log("fresh seeded analysis:", run(mode, 500, 100));
  console.log("after 3,000 earlier suggested keystrokes:", run(mode, 500, 3000));
}
