// The reference server of y-websocket 2.1.0 (bin/server.cjs, rebuilt here to
// listen on a free loopback port): an HTTP server whose upgrades go to a
// `ws` server (the ws 6 it ships with) calling setupWSConnection. No
// persistence (YPERSISTENCE unset) and no authentication. Without
// persistence it keeps every document in memory after the last client
// leaves: that is the reference server's behaviour, and the idle-memory
// benchmark reports it as such.
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { serveServer } from "../serverChild";

const require = createRequire(import.meta.url);
const utilsPath = require.resolve("y-websocket-server-legacy/bin/utils");
const utils = require(utilsPath) as {
  setupWSConnection: (conn: unknown, request: http.IncomingMessage) => void;
  docs: Map<string, { conns: Map<unknown, unknown> }>;
};
// The ws the reference server itself requires (6.2.x), not the app's.
const WebSocket = createRequire(utilsPath)("ws") as {
  Server: new (options: { noServer: true }) => {
    handleUpgrade(request: http.IncomingMessage, socket: unknown, head: Buffer, done: (ws: unknown) => void): void;
    emit(event: string, ...args: unknown[]): boolean;
    on(event: string, listener: (...args: never[]) => void): void;
    close(): void;
    clients: Set<{ terminate(): void }>;
  };
};

const wss = new WebSocket.Server({ noServer: true });
wss.on("connection", utils.setupWSConnection as (...args: never[]) => void);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

serveServer(
  port,
  {
    documents: () => utils.docs.size,
    connections: () => [...utils.docs.values()].reduce((total, doc) => total + doc.conns.size, 0),
  },
  async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);
console.log(`[bench y-websocket] listening on 127.0.0.1:${port} (pid ${process.pid})`);
