// A bare websocket to /collab, recording every frame and the close code, for
// tests about what the server sends (or refuses to send).
import WebSocket from "ws";

export type RawSocket = {
  socket: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
};

export function openRawSocket(url: string, cookie: string | null): RawSocket {
  const socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
  const frames: Uint8Array[] = [];
  socket.on("message", (data: Buffer) => frames.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, frames, closed, opened };
}
