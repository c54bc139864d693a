// Parsing an import off the main thread. The main thread carries every live
// editing session; a 500 KiB HTML file takes over half a second to parse
// (docs/benchmarks.md), which would stall them all. The server runs the
// parser in a worker thread (importWorkerPool.ts); route handlers (Next's
// bundle, another module copy) reach it through a process global, like the
// sync server's seams. Without it (scripts, unit tests) the parse runs in
// the calling thread.
import { processGlobal } from "../processGlobal";
import { type DocumentFromImport, documentFromImport, type ImportSource } from "./documentFromImport";

export type ParsedImport = DocumentFromImport;

export type ImportParser = (source: ImportSource) => Promise<ParsedImport>;
const installed = processGlobal<ImportParser>("importParser");

/** Makes parseImport use `parser`; the returned function undoes it. */
export const installImportParser = (parser: ImportParser) => installed.set(parser);

/** Parses in the server's worker thread when there is one, else here. */
export async function parseImport(source: ImportSource): Promise<ParsedImport> {
  const parser = installed.get();
  return parser ? parser(source) : documentFromImport(source);
}
