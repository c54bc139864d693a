// The measuring clients in a process of their own: a few full clients
// (fullClient.ts) that type and time each other's edits, check convergence,
// write or receive a burst, or load a document. Times are taken with
// process.hrtime (CLOCK_MONOTONIC: the same clock in every process on the
// machine, so the parent and another probe process can compare them) and
// with the wall clock for comparison with PostgreSQL's commit timestamps.
import fs from "node:fs/promises";
import * as Y from "yjs";
import { emitToParent, serveParent } from "./childProcess";
import { appendParagraph, connectFullClient, findParagraphText, plainText, type FullClient, type FullClientSpec } from "./fullClient";
import { monoNow, wallNow } from "./clock";
import { Dialect, SYNC_STEP2, SYNC_UPDATE, socketPath, type Endpoint } from "./protocol";
import { frame, RawSocket } from "./rawSocket";
import { decodeUpdates } from "./traces";

let clients: FullClient[] = [];
/** texts[r][s]: receiver r's copy of sender s's paragraph text (texts[s][s] is s's own). */
let texts: Y.XmlText[][] = [];

export type RunOptions = {
  /** Indexes of the clients that type (all by default). */
  writers?: number[];
  editsPerSecond: number;
  seconds: number;
  /** Move the caret with every keystroke (awareness update). */
  caret: boolean;
  /** After the last edit, wait at most this long for the others to arrive. */
  graceMs: number;
};

/** Every edit typed, and when each other client had it (NaN: never, within the grace period). */
export type RunSamples = {
  clients: number;
  sender: Uint8Array;
  sentMono: Float64Array;
  sentWall: Float64Array;
  /** The sender's clock of the inserted character (its Yjs id is (clientId[sender], clock)). */
  clock: Float64Array;
  clientIds: number[];
  /** arrivalMono[edit * clients + receiver], NaN for the sender itself or a lost edit. */
  arrivalMono: Float64Array;
};

export type ConvergeResult = { converged: boolean; ms: number; detail: string };

export type BurstWriteResult = {
  startMono: number;
  /** Every update written to the socket (user space). */
  writtenMono: number;
  /** The socket's user-space buffer empty again: everything handed to the kernel. */
  sentMono: number;
  sendWall: Float64Array;
  /** wallNow() − monoNow() in this process (the same in every process, up to rounding). */
  wallMinusMono: number;
};

export type BurstReceiveResult = { convergedMono: number; arrivalsMono: Float64Array; arrivalsClock: Float64Array; detail: string };

let burstWriter: { socket: RawSocket; dialect: Dialect } | undefined;
let burstFrames: { data: Buffer; offsets: Uint32Array } | undefined;

const handlers = {
  open: async ({ specs, timeoutMs = 60_000 }: { specs: FullClientSpec[]; timeoutMs?: number }) => {
    await closeAll();
    const started = monoNow();
    clients = specs.map((spec) => connectFullClient(spec));
    await Promise.all(clients.map((client) => client.synced(timeoutMs)));
    return { ms: monoNow() - started };
  },

  /** Each client appends its own paragraph; resolves when every client has everyone's. */
  prepare: async () => {
    const own = clients.map((client) => appendParagraph(client));
    texts = await Promise.all(
      clients.map((client, r) => Promise.all(own.map(({ paragraph, text }, s) => (s === r ? text : findParagraphText(client, paragraph._item!.id, 30_000))))),
    );
    return clients.map((client) => client.doc.clientID);
  },

  run: (options: RunOptions) => run(options),

  converge: ({ rawClocks, timeoutMs }: { rawClocks: [number, number][]; timeoutMs: number }) => converge(rawClocks, timeoutMs),

  /** A fresh client joins the document: time from creating it to synced, text checked. */
  join: async ({ spec, expectText, timeoutMs = 60_000 }: { spec: FullClientSpec; expectText?: string; timeoutMs?: number }) => {
    const started = monoNow();
    const client = connectFullClient(spec);
    try {
      await client.synced(timeoutMs);
      const syncedMs = monoNow() - started;
      if (expectText !== undefined) {
        const first = client.fragment.get(0);
        const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
        const actual = text instanceof Y.XmlText ? plainText(text) : "";
        if (actual !== expectText) throw new Error(`the loaded document differs: ${actual.length} chars, expected ${expectText.length}`);
      }
      return { syncedMs };
    } finally {
      client.destroy();
    }
  },

  /** Client 0 applies a whole state as one update (its provider sends it); resolves once the socket has sent it. */
  applyState: async ({ state }: { state: Uint8Array }) => {
    const client = clients[0]!;
    Y.applyUpdate(client.doc, state);
    for (;;) {
      const socket = client.socket();
      if (!socket || socket.bufferedAmount === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  },

  /**
   * The burst writer: a raw socket in the document (handshake done, nothing
   * else sent). Its frames are encoded before the clock starts.
   */
  burstConnect: ({ endpoint, documentId, cookie }: { endpoint: Endpoint; documentId: string; cookie?: string }) =>
    new Promise<void>((resolve, reject) => {
      const dialect = new Dialect(endpoint.kind, documentId);
      const timer = setTimeout(() => reject(new Error("the burst writer did not finish its handshake")), 30_000);
      let done = false;
      const socket: RawSocket = new RawSocket(endpoint.host, endpoint.port, socketPath(endpoint.kind, documentId), cookie ? { Cookie: cookie } : {}, {
        onOpen: () => {
          for (const message of dialect.opening()) socket.send(message);
        },
        onMessage: (payload) => {
          if (done || !dialect.isServerStep1(payload)) return;
          done = true;
          socket.capture = false;
          socket.send(dialect.sync(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc())));
          burstWriter = { socket, dialect };
          clearTimeout(timer);
          resolve();
        },
        onClose: (code) => {
          if (!done) {
            clearTimeout(timer);
            reject(new Error(`the burst writer was closed with ${code}`));
          }
        },
      });
    }),

  /** Reads the updates and encodes each as its own websocket frame, back to back (not timed). */
  burstLoad: async ({ file }: { file: string }) => {
    const updates = decodeUpdates(await fs.readFile(file));
    const frames = updates.map((update) => frame(0x2, burstWriter!.dialect.sync(SYNC_UPDATE, update)));
    const offsets = new Uint32Array(frames.length + 1);
    for (let i = 0; i < frames.length; i++) offsets[i + 1] = offsets[i]! + frames[i]!.length;
    burstFrames = { data: Buffer.concat(frames), offsets };
    return updates.length;
  },

  /**
   * Sends every update as its own message, in groups of `group` frames per
   * socket write (the kernel would coalesce them anyway), waiting for the
   * socket to drain when the kernel's buffer is full, as any TCP sender does.
   */
  burstWrite: async ({ group, timeoutMs }: { group: number; timeoutMs: number }): Promise<BurstWriteResult> => {
    const { socket } = burstWriter!;
    const { data, offsets } = burstFrames!;
    const count = offsets.length - 1;
    const sendWall = new Float64Array(count).fill(NaN);
    const startMono = monoNow();
    const deadline = startMono + timeoutMs;
    // A server that stops reading leaves the socket undrained: give up at the deadline.
    const drained = () =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          socket.socket.off("drain", onDrain);
          resolve(false);
        }, Math.max(0, deadline - monoNow()));
        const onDrain = () => {
          clearTimeout(timer);
          resolve(true);
        };
        socket.socket.once("drain", onDrain);
      });
    let complete = true;
    for (let first = 0; first < count && complete; first += group) {
      const last = Math.min(count, first + group);
      const wall = wallNow();
      for (let i = first; i < last; i++) sendWall[i] = wall;
      if (!socket.writeFrames(data.subarray(offsets[first]!, offsets[last]!))) complete = await drained();
    }
    const writtenMono = complete ? monoNow() : NaN;
    while (complete && socket.backlog > 0) {
      if (monoNow() > deadline) complete = false;
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const sentMono = complete ? monoNow() : NaN;
    burstFrames = undefined;
    return { startMono, writtenMono, sentMono, sendWall, wallMinusMono: wallNow() - monoNow() };
  },

  /** The receiver waits until its text equals `endContent` (the writer's client id at `finalClock`). */
  burstReceive: ({ clientId, finalClock, endContent, timeoutMs }: { clientId: number; finalClock: number; endContent: string; timeoutMs: number }) =>
    new Promise<BurstReceiveResult>((resolve) => {
      const client = clients[0]!;
      const arrivalsMono: number[] = [];
      const arrivalsClock: number[] = [];
      let last = Y.getState(client.doc.store, clientId);
      const finish = (convergedMono: number, detail: string) => {
        client.doc.off("afterTransaction", check);
        clearTimeout(timer);
        resolve({ convergedMono, arrivalsMono: Float64Array.from(arrivalsMono), arrivalsClock: Float64Array.from(arrivalsClock), detail });
      };
      const textNow = () => {
        const first = client.fragment.get(0);
        const text = first instanceof Y.XmlElement ? first.get(0) : undefined;
        return text instanceof Y.XmlText ? plainText(text) : "";
      };
      const check = () => {
        const clock = Y.getState(client.doc.store, clientId);
        if (clock !== last) {
          last = clock;
          arrivalsMono.push(monoNow());
          arrivalsClock.push(clock);
        }
        if (clock >= finalClock && textNow() === endContent) finish(monoNow(), "converged");
      };
      const timer = setTimeout(() => {
        const text = textNow();
        finish(NaN, `not converged within ${timeoutMs / 1000} s: clock ${last} of ${finalClock}, ${text.length} of ${endContent.length} chars`);
      }, timeoutMs);
      client.doc.on("afterTransaction", check);
      emitToParent("burstWatching");
    }),

  closeClients: closeAll,
  close: closeAll,
};

async function closeAll(): Promise<void> {
  burstWriter?.socket.close();
  burstWriter = undefined;
  burstFrames = undefined;
  for (const client of clients) client.destroy();
  clients = [];
  texts = [];
}

async function run(options: RunOptions): Promise<RunSamples> {
  const k = clients.length;
  const writers = options.writers ?? clients.map((_, index) => index);
  const perWriter = Math.ceil(options.seconds * options.editsPerSecond);
  const total = perWriter * writers.length;
  const sender = new Uint8Array(total);
  const sentMono = new Float64Array(total).fill(NaN);
  const sentWall = new Float64Array(total).fill(NaN);
  const clock = new Float64Array(total).fill(NaN);
  const arrivalMono = new Float64Array(total * k).fill(NaN);
  const clientIds = clients.map((client) => client.doc.clientID);
  // editIndex[s][n]: flat index of sender s's n-th edit of this run.
  const editIndex: number[][] = clients.map(() => []);
  const base = texts.map((row) => row.map((text) => text.length));
  const arrived = texts.map((row) => row.map(() => 0));
  const observers: (() => void)[] = [];
  let pending = 0;
  for (let r = 0; r < k; r++) {
    for (const s of writers) {
      if (s === r) continue;
      const text = texts[r]![s]!;
      const observer = () => {
        const now = monoNow();
        const count = text.length - base[r]![s]!;
        const edits = editIndex[s]!;
        while (arrived[r]![s]! < count && arrived[r]![s]! < edits.length) {
          arrivalMono[edits[arrived[r]![s]!]! * k + r] = now;
          arrived[r]![s]!++;
          pending--;
        }
      };
      text.observe(observer);
      observers.push(() => text.unobserve(observer));
    }
  }
  const period = 1000 / options.editsPerSecond;
  const start = monoNow();
  const due = writers.map(() => start + Math.random() * period);
  const typedCount = writers.map(() => 0);
  let next = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = monoNow();
      let finished = 0;
      for (let w = 0; w < writers.length; w++) {
        if (typedCount[w]! >= perWriter) {
          finished++;
          continue;
        }
        if (now < due[w]!) continue;
        const s = writers[w]!;
        const client = clients[s]!;
        const text = texts[s]![s]!;
        const index = next++;
        sender[index] = s;
        clock[index] = Y.getState(client.doc.store, client.doc.clientID);
        editIndex[s]!.push(index);
        pending += k - 1;
        sentWall[index] = wallNow();
        sentMono[index] = monoNow();
        // The provider sends the update from inside the insert.
        text.insert(text.length, String.fromCharCode(97 + (typedCount[w]! % 26)));
        if (options.caret) {
          const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length, -1));
          client.setCaret(position);
        }
        typedCount[w]!++;
        due[w] = Math.max(due[w]! + period, now - period);
      }
      if (finished === writers.length) {
        clearInterval(timer);
        emitToParent("typingDone", { mono: monoNow() });
        resolve();
      }
    }, 2);
  });
  const graceEnd = monoNow() + options.graceMs;
  while (pending > 0 && monoNow() < graceEnd) await new Promise((resolve) => setTimeout(resolve, 10));
  for (const unobserve of observers) unobserve();
  const used = next;
  return {
    clients: k,
    sender: sender.slice(0, used),
    sentMono: sentMono.slice(0, used),
    sentWall: sentWall.slice(0, used),
    clock: clock.slice(0, used),
    clientIds,
    arrivalMono: arrivalMono.slice(0, used * k),
  };
}

/** Waits until every client holds every other client's text and every simulated editor's last sent keystroke. */
async function converge(rawClocks: [number, number][], timeoutMs: number): Promise<ConvergeResult> {
  const started = monoNow();
  const deadline = started + timeoutMs;
  let detail = "";
  for (;;) {
    const missing: string[] = [];
    let missingRaw = 0;
    for (let r = 0; r < clients.length; r++) {
      const store = clients[r]!.doc.store;
      for (let s = 0; s < clients.length; s++) {
        if (r === s) continue;
        if (texts[r]![s]!.length !== texts[s]![s]!.length) missing.push(`client ${r} lacks ${texts[s]![s]!.length - texts[r]![s]!.length} of client ${s}'s characters`);
      }
      for (const [clientId, clock] of rawClocks) if (Y.getState(store, clientId) < clock) missingRaw++;
    }
    if (missing.length === 0 && missingRaw === 0) {
      // Lengths match: check the texts themselves once.
      for (let r = 0; r < clients.length; r++) {
        for (let s = 0; s < clients.length; s++) {
          if (r !== s && plainText(texts[r]![s]!) !== plainText(texts[s]![s]!)) return { converged: false, ms: monoNow() - started, detail: `client ${r}'s copy of client ${s}'s text differs` };
        }
      }
      return { converged: true, ms: monoNow() - started, detail: `all ${clients.length} full clients hold all ${rawClocks.length} simulated editors' and each other's keystrokes` };
    }
    detail = [...missing.slice(0, 3), missingRaw > 0 ? `${missingRaw} (client, simulated editor) pairs short of the editor's last keystroke` : ""].filter(Boolean).join("; ");
    if (monoNow() > deadline) return { converged: false, ms: monoNow() - started, detail };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

serveParent(handlers, closeAll);
emitToParent("ready");
