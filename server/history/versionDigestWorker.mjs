// Entry of the version-digest worker thread when the server runs from its
// TypeScript sources (npm run dev, tests, benchmarks; the built server starts
// dist/server/versionDigestWorker.js instead): a worker does not share the
// parent's module loader, so TypeScript support is registered first.
import { register } from "tsx/esm/api";

register();
await import("./versionDigestWorkerMain.ts");
