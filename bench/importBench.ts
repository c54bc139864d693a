// 5. Import parsing: the seeded analysis as Markdown, HTML and plain text, at
// its own size and repeated up to the import limit. Parsing runs on the
// server's main thread, so these times are how long one import holds up every
// live editing session (the reason for MAX_IMPORT_BYTES).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { MAX_IMPORT_BYTES } from "../lib/limits";
import { documentSchema, yDocFromJSON } from "../server/documents/documentState";
import { documentFromImport } from "../server/importExport/documentFromImport";
import { toHtmlDocument } from "../server/importExport/toHtmlDocument";
import { toMarkdown } from "../server/importExport/toMarkdown";
import { ISTANBUL_ANALYSIS_TITLE, istanbulTalksAnalysis } from "../server/seed/istanbulTalksAnalysis";
import { parseImport } from "../server/importExport/importParser";
import { startImportWorker } from "../server/importExport/importWorkerPool";
import { median } from "./stats";

export type ImportBenchResult = {
  format: string;
  bytes: number;
  parseMs: number;
  words: number;
  /** Through the server's worker thread: the whole import as the caller waits for it, and the longest stall of the main thread meanwhile. */
  workerMs: number;
  workerMainThreadStallMs: number;
};

const REPEATS = 3;

export async function runImportBench(log: (line: string) => void): Promise<ImportBenchResult[]> {
  const stopWorker = startImportWorker();
  try {
    // The worker starts on first use; that start-up is not what is measured.
    await parseImport({ format: "text", text: "Warm-up." });
    return await measureAll(log);
  } finally {
    await stopWorker();
  }
}

async function measureAll(log: (line: string) => void): Promise<ImportBenchResult[]> {
  const node = documentSchema().nodeFromJSON(istanbulTalksAnalysis);
  const sources = {
    markdown: toMarkdown(node, ISTANBUL_ANALYSIS_TITLE),
    html: toHtmlDocument(ISTANBUL_ANALYSIS_TITLE, istanbulTalksAnalysis),
    text: node.textBetween(0, node.content.size, "\n\n", " "),
  } as const;
  const results: ImportBenchResult[] = [];
  for (const [format, one] of Object.entries(sources) as [keyof typeof sources, string][]) {
    // The whole piece once, then as many copies as fit under the limit.
    const copies = Math.floor(MAX_IMPORT_BYTES / Buffer.byteLength(one));
    for (const text of [one, Array.from({ length: copies }, () => one).join("\n\n")]) {
      const times: number[] = [];
      let words = 0;
      for (let run = 0; run < REPEATS; run++) {
        const started = performance.now();
        const { content } = documentFromImport({ format, text });
        yDocFromJSON(content).destroy();
        times.push(performance.now() - started);
        words = documentSchema().nodeFromJSON(content).textContent.split(/\s+/).filter(Boolean).length;
      }
      const viaWorker = await measureViaWorker({ format, text });
      results.push({ format, bytes: Buffer.byteLength(text), parseMs: median(times), words, ...viaWorker });
      log(
        `  ${format}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB: ${median(times).toFixed(0)} ms in the thread; ` +
          `${viaWorker.workerMs.toFixed(0)} ms via the worker, main thread stalled at most ${viaWorker.workerMainThreadStallMs.toFixed(1)} ms`,
      );
    }
  }
  return results;
}

/** Median of REPEATS imports through the worker, and the main thread's worst event-loop delay meanwhile. */
async function measureViaWorker(source: { format: "markdown" | "html" | "text"; text: string }) {
  const times: number[] = [];
  const stalls: number[] = [];
  for (let run = 0; run < REPEATS; run++) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const { content } = await parseImport(source);
    yDocFromJSON(content).destroy();
    times.push(performance.now() - started);
    delay.disable();
    stalls.push(delay.max / 1e6);
  }
  return { workerMs: median(times), workerMainThreadStallMs: median(stalls) };
}
