// The idle-latency floor: a websocket relay that forwards every frame of a
// document's socket to the document's other sockets, unread — no Yjs, no
// protocol, no state. Two y-websocket providers sync through it (the first
// one's frames wait until a second socket joins, so its sync step 1 is
// answered), and the time an edit takes through it is what the two clients,
// the loopback and one more process hop cost by themselves: no sync server
// can be faster under the same clients.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { serveServer } from "../serverChild";

/** What a document's first socket may send before anyone else joins. */
const MAX_WAITING_FRAMES = 1000;

type RelayRoom = { sockets: Set<WebSocket>; waiting: RawData[] };
const rooms = new Map<string, RelayRoom>();

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("relay");
});
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => join(ws, request.url ?? "/"));
});

function join(ws: WebSocket, name: string): void {
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { sockets: new Set(), waiting: [] }));
  const current = room;
  current.sockets.add(ws);
  for (const frame of current.waiting.splice(0)) ws.send(frame, { binary: true });
  ws.on("message", (data: RawData) => {
    if (current.sockets.size === 1) {
      if (current.waiting.length < MAX_WAITING_FRAMES) current.waiting.push(data);
      return;
    }
    for (const other of current.sockets) if (other !== ws) other.send(data, { binary: true });
  });
  ws.on("close", () => {
    current.sockets.delete(ws);
    if (current.sockets.size === 0) rooms.delete(name);
  });
}

await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as AddressInfo;

serveServer(
  port,
  {
    documents: () => rooms.size,
    connections: () => [...rooms.values()].reduce((total, room) => total + room.sockets.size, 0),
  },
  async () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
);
console.log(`[bench relay] listening on 127.0.0.1:${port} (pid ${process.pid})`);
