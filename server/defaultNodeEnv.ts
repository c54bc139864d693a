// Imported first by server/main.ts: `node dist/server/main.js` without
// NODE_ENV is a production server. Next.js (and React through it) read
// NODE_ENV as they load, so it must be set before they are imported.
const env: Record<string, string | undefined> = process.env; // Next's types make NODE_ENV read-only
env.NODE_ENV ??= "production";

export {};
