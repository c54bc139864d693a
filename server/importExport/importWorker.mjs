// Entry of the import-parsing worker thread when the server runs from its
// TypeScript sources (npm run dev, tests, benchmarks; the built server starts
// dist/server/importWorker.js instead). A worker does not share the parent's
// module loader, so TypeScript support is registered here before the parser
// (TypeScript) is loaded.
import { register } from "tsx/esm/api";

register();
await import("./importWorkerMain.ts");
