// Hocuspocus 4.7 as a peer: its own Server class on a free loopback port,
// quiet, no extensions (so no persistence and no authentication hook: any
// token is accepted), every other option at its default (flushDelay 0:
// updates and awareness of one event-loop turn go out as one message per
// client). Started by bench/servers.ts in a child process of its own.
import { Server } from "@hocuspocus/server";
import { serveServer } from "../serverChild";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
await server.listen();
const { hocuspocus } = server;

serveServer(
  server.address.port,
  { documents: () => hocuspocus.getDocumentsCount(), connections: () => hocuspocus.getConnectionsCount() },
  () => server.destroy(),
);
console.log(`[bench hocuspocus] listening on 127.0.0.1:${server.address.port} (pid ${process.pid})`);
