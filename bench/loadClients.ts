// Simulated editors for one load-generator process: a RawSocket each that
// speaks just enough of the server's protocol (asks for the document with
// sync step 1, answers the server's step 1, authenticates on Hocuspocus) and
// then, when typing, sends pre-generated real Yjs updates of its own small
// Y.Doc — its own paragraph, then one character typed at its end — each
// followed by an awareness update moving its caret there (Tiptap's
// CollaborationCaret state). Everything received is skipped unread.
// Idle clients (the memory benchmark) send their document's content once
// (as sync step 2) and their caret, and renew the caret every 15 s as
// y-protocols' Awareness does.
import * as Y from "yjs";
import { awarenessMessage, caretState, Dialect, FRAGMENT, socketPath, SYNC_STEP2, SYNC_UPDATE, type Endpoint } from "./protocol";
import { RawSocket } from "./rawSocket";

export type RawClientSpec = {
  documentId: string;
  /** Session cookie (ours). */
  cookie?: string;
  /** Sent as the answer to the server's sync step 1 (else an empty step 2). */
  initialState?: Uint8Array;
  typing: boolean;
};

export type LoadPlan = {
  endpoint: Endpoint;
  clients: RawClientSpec[];
  /** Keystrokes per second per typing editor; each is one update plus one awareness update. */
  keystrokesPerSecond: number;
  /** Updates are generated for this long. */
  maxDurationSeconds: number;
  /** Distinguishes editors' names across generator processes. */
  firstIndex: number;
};

export type LoadCounters = {
  clients: number;
  open: number;
  updatesSent: number;
  awarenessSent: number;
  framesReceived: number;
  bytesReceived: number;
  /** Largest delay of a scheduled keystroke behind its due time, in ms (generator saturation). */
  maxSendLagMs: number;
  /** Largest user-space send backlog of one socket, in bytes (the server not reading). */
  maxBacklogBytes: number;
  closes: Record<string, number>;
};

/** One editor's pre-generated keystrokes: raw Yjs updates back to back, and its clock after each. */
type Script = {
  clientId: number;
  updates: Buffer;
  /** updates i spans offsets[i]..offsets[i+1]. */
  offsets: Uint32Array;
  clocks: Uint32Array;
  /** Clock of the paragraph's Y.XmlText (the caret's type). */
  typeClock: number;
};

type Editor = {
  spec: RawClientSpec;
  script: Script | undefined;
  dialect: Dialect;
  socket: RawSocket;
  handshaken: boolean;
  /** Updates sent so far (index of the next). */
  sent: number;
  awarenessClock: number;
  dueAt: number;
  user: { name: string; color: string };
};

const RENEW_AWARENESS_MS = 15_000;
const COLORS = ["#958DF1", "#F98181", "#FBBC88", "#FAF594", "#70CFF8", "#94FADB", "#B9F18D"];

/** Scripts survive between runs of this process (new documents reuse them; client ids need only be unique per document). */
const scripts: Script[] = [];

export class LoadClients {
  private editors: Editor[] = [];
  private timer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private counters: LoadCounters = emptyCounters();
  private started = false;

  constructor(private readonly plan: LoadPlan) {}

  /** Opens every socket (in groups) and resolves when each has done its handshake. */
  async connect(timeoutMs = 120_000): Promise<void> {
    const { plan } = this;
    const keystrokes = Math.ceil(plan.maxDurationSeconds * plan.keystrokesPerSecond) + 10;
    let typingIndex = 0;
    const failures: string[] = [];
    const GROUP = 100;
    for (let first = 0; first < plan.clients.length; first += GROUP) {
      const group = plan.clients.slice(first, first + GROUP).map((spec, offset) => {
        const index = first + offset;
        const script = spec.typing ? scriptFor(typingIndex++, keystrokes) : undefined;
        return this.open(spec, script, plan.firstIndex + index, timeoutMs).catch((error: unknown) => void failures.push(String(error)));
      });
      await Promise.all(group);
    }
    if (failures.length > 0) throw new Error(`${failures.length} of ${plan.clients.length} simulated editors failed to connect: ${failures[0]}`);
  }

  private open(spec: RawClientSpec, script: Script | undefined, index: number, timeoutMs: number): Promise<void> {
    const { endpoint } = this.plan;
    const dialect = new Dialect(endpoint.kind, spec.documentId);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no handshake within the timeout")), timeoutMs);
      const editor: Editor = {
        spec,
        script,
        dialect,
        handshaken: false,
        sent: 0,
        awarenessClock: 0,
        dueAt: 0,
        user: { name: `Load editor ${index}`, color: COLORS[index % COLORS.length]! },
        socket: new RawSocket(endpoint.host, endpoint.port, socketPath(endpoint.kind, spec.documentId), spec.cookie ? { Cookie: spec.cookie } : {}, {
          onOpen: () => {
            for (const message of dialect.opening()) editor.socket.send(message);
          },
          onMessage: (payload) => {
            if (editor.handshaken || !dialect.isServerStep1(payload)) return;
            editor.handshaken = true;
            editor.socket.capture = false;
            editor.socket.send(dialect.sync(SYNC_STEP2, spec.initialState ?? EMPTY_STATE));
            if (script) this.sendUpdate(editor); // its paragraph
            else this.sendCaret(editor, null);
            clearTimeout(timer);
            resolve();
          },
          onClose: (code) => {
            this.counters.closes[code] = (this.counters.closes[code] ?? 0) + 1;
            if (!editor.handshaken) {
              clearTimeout(timer);
              reject(new Error(`closed with ${code} before the handshake`));
            }
          },
        }),
      };
      this.editors.push(editor);
      this.counters.clients++;
    });
  }

  /** Starts typing, each editor at its own random phase; idle editors renew their caret. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const period = 1000 / this.plan.keystrokesPerSecond;
    const now = performance.now();
    for (const editor of this.editors) editor.dueAt = now + Math.random() * period;
    const typing = this.editors.filter((editor) => editor.script);
    if (typing.length > 0) {
      this.timer = setInterval(() => {
        const tick = performance.now();
        for (const editor of typing) {
          if (tick < editor.dueAt || !editor.socket.open) continue;
          const lag = tick - editor.dueAt;
          if (lag > this.counters.maxSendLagMs) this.counters.maxSendLagMs = lag;
          this.sendUpdate(editor);
          this.sendCaret(editor, editor.script!);
          const backlog = editor.socket.backlog;
          if (backlog > this.counters.maxBacklogBytes) this.counters.maxBacklogBytes = backlog;
          // A late generator catches up by at most one period, never with a burst.
          editor.dueAt = Math.max(editor.dueAt + period, tick - period);
        }
      }, 2);
    }
    this.renewTimer = setInterval(() => {
      for (const editor of this.editors) if (!editor.script && editor.socket.open) this.sendCaret(editor, null);
    }, RENEW_AWARENESS_MS);
  }

  stopSending(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Counters since the last call (`open` and `clients` are current values). */
  takeCounters(): LoadCounters {
    for (const editor of this.editors) {
      this.counters.framesReceived += editor.socket.framesReceived;
      this.counters.bytesReceived += editor.socket.bytesReceived;
      editor.socket.framesReceived = 0;
      editor.socket.bytesReceived = 0;
    }
    const taken = this.counters;
    taken.open = this.editors.filter((editor) => editor.socket.open).length;
    this.counters = { ...emptyCounters(), clients: taken.clients };
    return taken;
  }

  /** Each typing editor's client id and the clock its sent updates reach (what every full client must end up holding). */
  sentClocks(): [clientId: number, clock: number][] {
    return this.editors.filter((editor) => editor.script && editor.sent > 0).map((editor) => [editor.script!.clientId, editor.script!.clocks[editor.sent - 1]!]);
  }

  async close(): Promise<void> {
    this.stopSending();
    if (this.renewTimer) clearInterval(this.renewTimer);
    await Promise.all(
      this.editors.map(
        (editor) =>
          new Promise<void>((resolve) => {
            if (editor.socket.closed) return resolve();
            editor.socket.socket.once("close", () => resolve());
            editor.socket.close();
            setTimeout(() => {
              editor.socket.destroy();
              resolve();
            }, 3000).unref();
          }),
      ),
    );
    this.editors = [];
  }

  private sendUpdate(editor: Editor): void {
    const script = editor.script!;
    const i = editor.sent;
    if (i + 1 >= script.offsets.length) return;
    const update = script.updates.subarray(script.offsets[i]!, script.offsets[i + 1]!);
    editor.socket.send(editor.dialect.sync(SYNC_UPDATE, update));
    editor.sent++;
    this.counters.updatesSent++;
  }

  /** The caret right after the last character typed (or no cursor for an idle editor). */
  private sendCaret(editor: Editor, script: Script | null): void {
    const clientId = script ? script.clientId : idleClientId(editor);
    let position: unknown = null;
    if (script && editor.sent > 1) {
      // Y.relativePositionToJSON(createRelativePositionFromTypeIndex(text, typed, -1)), checked in scriptFor.
      position = caretPosition(script, editor.sent - 1);
    }
    editor.awarenessClock++;
    editor.socket.send(awarenessMessage(editor.dialect.prefix, clientId, editor.awarenessClock, caretState(editor.user, position)));
    this.counters.awarenessSent++;
  }
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

const idleIds = new WeakMap<Editor, number>();
function idleClientId(editor: Editor): number {
  let id = idleIds.get(editor);
  if (id === undefined) {
    id = 1 + Math.floor(Math.random() * 0x7ffffffe);
    idleIds.set(editor, id);
  }
  return id;
}

function caretPosition(script: Script, typed: number) {
  return { type: { client: script.clientId, clock: script.typeClock }, item: { client: script.clientId, clock: script.typeClock + typed }, assoc: -1 };
}

/** The index-th editor's script with at least `keystrokes` characters (generated once, extended when a longer run needs more). */
function scriptFor(index: number, keystrokes: number): Script {
  const existing = scripts[index];
  if (existing && existing.offsets.length - 2 >= keystrokes) return existing;
  const doc = new Y.Doc();
  const chunks: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => chunks.push(update));
  const fragment = doc.getXmlFragment(FRAGMENT);
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  doc.transact(() => {
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);
  });
  const clocks: number[] = [Y.getState(doc.store, doc.clientID)];
  const typed = "the quick brown fox jumps over the lazy dog ";
  const typeClock = text._item!.id.clock;
  for (let i = 0; i < keystrokes; i++) {
    text.insert(text.length, typed[i % typed.length]!);
    clocks.push(Y.getState(doc.store, doc.clientID));
    if (i < 3) {
      const expected = JSON.stringify(Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, i + 1, -1)));
      const script = { clientId: doc.clientID, typeClock } as Script;
      if (JSON.stringify(caretPosition(script, i + 1)) !== expected) throw new Error(`caret template differs from Yjs: ${expected}`);
    }
  }
  const offsets = new Uint32Array(chunks.length + 1);
  for (let i = 0; i < chunks.length; i++) offsets[i + 1] = offsets[i]! + chunks[i]!.length;
  const script: Script = { clientId: doc.clientID, updates: Buffer.concat(chunks), offsets, clocks: Uint32Array.from(clocks), typeClock };
  doc.destroy();
  scripts[index] = script;
  return script;
}

function emptyCounters(): LoadCounters {
  return { clients: 0, open: 0, updatesSent: 0, awarenessSent: 0, framesReceived: 0, bytesReceived: 0, maxSendLagMs: 0, maxBacklogBytes: 0, closes: {} };
}

