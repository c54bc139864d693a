// A minimal websocket client on a plain TCP socket, for the simulated
// editors. It does the HTTP upgrade, sends binary frames (masked with a zero
// key, as RFC 6455 requires a mask but servers only XOR with it), answers
// pings and close frames, and otherwise only walks frame headers: payloads
// are skipped, never copied or decoded, so receiving a frame costs a few
// integer operations. A full client (`ws` + a Y.Doc) per simulated editor
// would make the load generator, not the server, the bottleneck.
import { randomBytes } from "node:crypto";
import net from "node:net";

export type RawSocketEvents = {
  /** Upgrade done; frames may be sent. */
  onOpen(): void;
  /** A data frame's payload, only while `capture` is true (the handshake). */
  onMessage(payload: Buffer): void;
  onClose(code: number): void;
};

const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;

export class RawSocket {
  readonly socket: net.Socket;
  open = false;
  closed = false;
  /** Deliver data payloads to onMessage (the handshake); when false they are only counted. */
  capture = true;
  framesReceived = 0;
  bytesReceived = 0;
  private upgraded = false;
  private header: Buffer | undefined;
  private skip = 0;
  private collecting: { opcode: number; chunks: Buffer[]; remaining: number } | undefined;

  constructor(
    host: string,
    port: number,
    path: string,
    headers: Record<string, string>,
    private readonly events: RawSocketEvents,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    const key = randomBytes(16).toString("base64");
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: ${host}:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${key}`,
      "Sec-WebSocket-Version: 13",
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    this.socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    this.socket.on("data", (chunk: Buffer) => this.onData(chunk));
    this.socket.on("error", () => {});
    this.socket.on("close", () => this.finish(1006));
  }

  /** Sends one binary frame; false when the socket is not open. */
  send(payload: Uint8Array): boolean {
    if (!this.open) return false;
    this.socket.write(frame(0x2, payload));
    return true;
  }

  /** Writes frames already encoded with frame(); false when the kernel's buffer is full (wait for "drain"). */
  writeFrames(frames: Uint8Array): boolean {
    return this.socket.write(frames);
  }

  /** Bytes queued in user space because the kernel's buffer was full. */
  get backlog(): number {
    return this.socket.writableLength;
  }

  close(): void {
    if (this.closed) return;
    if (this.open) this.socket.write(frame(OPCODE_CLOSE, Buffer.from([0x03, 0xe8])));
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 2000).unref();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.open = false;
    this.events.onClose(code);
  }

  private onData(chunk: Buffer): void {
    this.bytesReceived += chunk.length;
    if (!this.upgraded) {
      const buffered = this.header ? Buffer.concat([this.header, chunk]) : chunk;
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) {
        this.header = buffered;
        return;
      }
      this.header = undefined;
      const status = buffered.subarray(0, buffered.indexOf("\r\n")).toString("latin1");
      if (!/^HTTP\/1\.1 101 /.test(status)) {
        this.socket.destroy();
        this.finish(Number(status.split(" ")[1]) || 1006);
        return;
      }
      this.upgraded = true;
      this.open = true;
      this.events.onOpen();
      chunk = buffered.subarray(end + 4);
      if (chunk.length === 0) return;
    } else if (this.header) {
      chunk = Buffer.concat([this.header, chunk]);
      this.header = undefined;
    }
    let at = 0;
    const length = chunk.length;
    while (at < length) {
      if (this.collecting) {
        const take = Math.min(this.collecting.remaining, length - at);
        this.collecting.chunks.push(chunk.subarray(at, at + take));
        this.collecting.remaining -= take;
        at += take;
        if (this.collecting.remaining === 0) {
          const { opcode, chunks } = this.collecting;
          this.collecting = undefined;
          this.onFrame(opcode, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        }
        continue;
      }
      if (this.skip > 0) {
        const take = Math.min(this.skip, length - at);
        this.skip -= take;
        at += take;
        continue;
      }
      // A frame header: 2 bytes, then a 16- or 64-bit length, then (never from a server) a mask.
      if (length - at < 2) {
        this.header = chunk.subarray(at);
        return;
      }
      const b0 = chunk[at]!;
      const b1 = chunk[at + 1]!;
      let size = b1 & 0x7f;
      let headerBytes = 2;
      if (size === 126) {
        if (length - at < 4) {
          this.header = chunk.subarray(at);
          return;
        }
        size = chunk.readUInt16BE(at + 2);
        headerBytes = 4;
      } else if (size === 127) {
        if (length - at < 10) {
          this.header = chunk.subarray(at);
          return;
        }
        size = Number(chunk.readBigUInt64BE(at + 2));
        headerBytes = 10;
      }
      if (b1 & 0x80) headerBytes += 4;
      if (length - at < headerBytes) {
        this.header = chunk.subarray(at);
        return;
      }
      at += headerBytes;
      const opcode = b0 & 0x0f;
      if (opcode < 8) this.framesReceived++;
      if (opcode >= 8 || this.capture) {
        if (size === 0) this.onFrame(opcode, Buffer.alloc(0));
        else this.collecting = { opcode, chunks: [], remaining: size };
      } else {
        this.skip = size;
      }
    }
  }

  private onFrame(opcode: number, payload: Buffer): void {
    if (opcode === OPCODE_PING) {
      this.socket.write(frame(0xa, payload));
      return;
    }
    if (opcode === OPCODE_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      if (this.open) this.socket.write(frame(OPCODE_CLOSE, payload.subarray(0, 2)));
      this.open = false;
      this.socket.end();
      this.finish(code);
      return;
    }
    if (opcode < 8 && this.capture) this.events.onMessage(payload);
  }
}

/** A client frame: FIN, opcode, masked length, zero mask key, payload as is. */
export function frame(opcode: number, payload: Uint8Array): Buffer {
  const size = payload.length;
  const headerBytes = size < 126 ? 6 : size < 65536 ? 8 : 14;
  const out = Buffer.allocUnsafe(headerBytes + size);
  out[0] = 0x80 | opcode;
  if (size < 126) {
    out[1] = 0x80 | size;
  } else if (size < 65536) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(size, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(size), 2);
  }
  out.writeUInt32BE(0, headerBytes - 4);
  out.set(payload, headerBytes);
  return out;
}
