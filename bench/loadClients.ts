// Lightweight simulated editors: a raw `ws` socket each that speaks just
// enough of the y-websocket protocol (answers the server's sync step 1, asks
// for the document like a real client) and then sends pre-generated, real
// Yjs updates from its own small Y.Doc — one character typed at the end of
// its own paragraph — plus awareness updates (a moving caret). Everything
// received is counted and discarded, never applied: with N full clients the
// load generator itself would do N² CRDT work and become the bottleneck.
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "../lib/editor/documentExtensions";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type LoadPlan = {
  wsUrl: string;
  documentId: string;
  cookies: string[];
  updatesPerSecond: number;
  awarenessPerSecond: number;
  /** Longest the load will run; updates are generated for this long (plus margin). */
  maxDurationSeconds: number;
};

export type LoadCounters = {
  clients: number;
  open: number;
  updatesSent: number;
  awarenessSent: number;
  messagesReceived: number;
  bytesReceived: number;
  /** Largest delay of a scheduled send behind its due time, in ms (generator saturation). */
  maxSendLagMs: number;
  closes: Record<string, number>;
};

type LightClient = {
  socket: WebSocket;
  open: boolean;
  handshaken: boolean;
  /** Sync messages: the paragraph first, then one typed character each. */
  updates: Uint8Array[];
  awareness: Uint8Array[];
  nextUpdate: number;
  nextAwareness: number;
  updateDueAt: number;
  awarenessDueAt: number;
};

export class LoadClients {
  private clients: LightClient[] = [];
  private timer: NodeJS.Timeout | undefined;
  private counters: LoadCounters = emptyCounters();

  constructor(private readonly plan: LoadPlan) {}

  /** Opens every socket and resolves when each has done the sync handshake. */
  async connect(timeoutMs = 60_000): Promise<void> {
    const { plan } = this;
    const updateCount = Math.ceil(plan.maxDurationSeconds * plan.updatesPerSecond) + 5;
    const awarenessCount = Math.ceil(plan.maxDurationSeconds * plan.awarenessPerSecond) + 5;
    const handshakes: Promise<void>[] = [];
    const failures: unknown[] = [];
    // Connect in small groups: a burst of hundreds of upgrades at once only
    // measures the authentication queries.
    for (let index = 0; index < plan.cookies.length; index++) {
      const { updates, awareness } = generateEditor(index, updateCount, awarenessCount);
      const client: LightClient = {
        socket: new WebSocket(`${plan.wsUrl}/${plan.documentId}`, { headers: { cookie: plan.cookies[index]! }, perMessageDeflate: false }),
        open: false,
        handshaken: false,
        updates,
        awareness,
        nextUpdate: 0,
        nextAwareness: 0,
        updateDueAt: 0,
        awarenessDueAt: 0,
      };
      this.clients.push(client);
      this.counters.clients++;
      handshakes.push(this.attach(client, timeoutMs).catch((error: unknown) => void failures.push(error)));
      if (index % 20 === 19) await Promise.all(handshakes.slice(-20));
    }
    await Promise.all(handshakes);
    if (failures.length > 0) throw new Error(`${failures.length} load clients failed to connect: ${String(failures[0])}`);
  }

  private attach(client: LightClient, timeoutMs: number): Promise<void> {
    const { socket } = client;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("a load client did not finish its handshake")), timeoutMs);
      socket.on("open", () => {
        client.open = true;
        this.counters.open++;
        // Like a real client: ask for the document (the answer is discarded).
        socket.send(syncStep1Empty);
      });
      socket.on("message", (data: Buffer) => {
        this.counters.messagesReceived++;
        this.counters.bytesReceived += data.length;
        if (client.handshaken) return;
        // The server opens with its sync step 1: answer with step 2 (our state
        // so far: nothing) and introduce ourselves with the new paragraph.
        if (data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP1) {
          client.handshaken = true;
          socket.send(syncStep2Empty);
          this.sendNextUpdate(client);
          clearTimeout(timer);
          resolve();
        }
      });
      socket.on("error", () => {});
      socket.on("close", (code) => {
        if (client.open) this.counters.open--;
        client.open = false;
        this.counters.closes[code] = (this.counters.closes[code] ?? 0) + 1;
        if (!client.handshaken) {
          clearTimeout(timer);
          reject(new Error(`a load client was closed with ${code} before its handshake`));
        }
      });
    });
  }

  /** Starts sending, each client at its own random phase. */
  start(): void {
    const now = performance.now();
    const updatePeriod = 1000 / this.plan.updatesPerSecond;
    const awarenessPeriod = 1000 / this.plan.awarenessPerSecond;
    for (const client of this.clients) {
      client.updateDueAt = now + Math.random() * updatePeriod;
      client.awarenessDueAt = now + Math.random() * awarenessPeriod;
    }
    this.timer = setInterval(() => {
      const tick = performance.now();
      for (const client of this.clients) {
        if (!client.open) continue;
        if (tick >= client.updateDueAt) {
          this.noteLag(tick - client.updateDueAt);
          this.sendNextUpdate(client);
          client.updateDueAt = Math.max(client.updateDueAt + updatePeriod, tick - updatePeriod);
        }
        if (tick >= client.awarenessDueAt) {
          this.noteLag(tick - client.awarenessDueAt);
          const message = client.awareness[client.nextAwareness];
          if (message) {
            client.socket.send(message);
            client.nextAwareness++;
            this.counters.awarenessSent++;
          }
          client.awarenessDueAt = Math.max(client.awarenessDueAt + awarenessPeriod, tick - awarenessPeriod);
        }
      }
    }, 5);
  }

  stopSending(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Counters since the last call (`open` and `clients` are current values). */
  takeCounters(): LoadCounters {
    const taken = this.counters;
    this.counters = { ...emptyCounters(), clients: taken.clients, open: taken.open };
    return taken;
  }

  async close(): Promise<void> {
    this.stopSending();
    await Promise.all(
      this.clients.map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.socket.readyState === WebSocket.CLOSED) return resolve();
            client.socket.once("close", () => resolve());
            client.socket.close();
            setTimeout(() => {
              client.socket.terminate();
              resolve();
            }, 5000).unref();
          }),
      ),
    );
    this.clients = [];
  }

  private sendNextUpdate(client: LightClient): void {
    const message = client.updates[client.nextUpdate];
    if (!message) return;
    client.socket.send(message);
    client.nextUpdate++;
    this.counters.updatesSent++;
  }

  private noteLag(lag: number): void {
    if (lag > this.counters.maxSendLagMs) this.counters.maxSendLagMs = lag;
  }
}

function emptyCounters(): LoadCounters {
  return { clients: 0, open: 0, updatesSent: 0, awarenessSent: 0, messagesReceived: 0, bytesReceived: 0, maxSendLagMs: 0, closes: {} };
}

const syncStep1Empty = syncMessage(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
const syncStep2Empty = syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc()));

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * One simulated editor's messages, generated before the run: its paragraph,
 * then `updateCount` single characters typed at the end of it (real Yjs
 * updates of its own small Y.Doc), and `awarenessCount` caret positions.
 */
function generateEditor(index: number, updateCount: number, awarenessCount: number): { updates: Uint8Array[]; awareness: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(syncMessage(SYNC_UPDATE, update)));
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  doc.transact(() => {
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);
  });
  const typed = "the quick brown fox jumps over the lazy dog ";
  for (let i = 0; i < updateCount; i++) text.insert(text.length, typed[i % typed.length]!);

  const awareness: Uint8Array[] = [];
  const user = { name: `Load editor ${index}`, color: "#4a7bd0" };
  for (let clock = 1; clock <= awarenessCount; clock++) {
    // The caret sits somewhere in the text this editor will have typed by then.
    const offset = Math.min(text.length, Math.round((clock / awarenessCount) * text.length));
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, offset)) as unknown;
    const state = { user, cursor: { anchor: position, head: position } };
    const entries = encoding.createEncoder();
    encoding.writeVarUint(entries, 1);
    encoding.writeVarUint(entries, doc.clientID);
    encoding.writeVarUint(entries, clock);
    encoding.writeVarString(entries, JSON.stringify(state));
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(entries));
    awareness.push(encoding.toUint8Array(message));
  }
  doc.destroy();
  return { updates, awareness };
}
