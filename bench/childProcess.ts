// Child processes of the benchmark (the sync server, the load generator) and
// the small request/response protocol spoken over their IPC channel.
// Every child started here is remembered so that run.ts can kill it on
// failure or Ctrl+C; nothing else is ever killed.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";

export const REPO_DIR = path.resolve(import.meta.dirname, "..");

type Request = { id: number; command: string; args?: unknown };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
type Event = { event: string; data?: unknown };

export type ChildHandle = {
  readonly child: ChildProcess;
  readonly name: string;
  request<T>(command: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Resolves with the data of the first event of this name (or rejects if the child exits first). */
  nextEvent<T>(event: string, timeoutMs?: number): Promise<T>;
  /** Asks the child to close, waits for its exit, kills it if it does not go. */
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL, for a child that no longer answers. */
  kill(): Promise<void>;
};

const live = new Set<ChildProcess>();

/** Forks a TypeScript module of bench/ with tsx, with an IPC channel. */
export function startChild(name: string, module: string, env: Record<string, string> = {}, execArgv: string[] = []): ChildHandle {
  const child = fork(path.join(REPO_DIR, "bench", module), [], {
    cwd: REPO_DIR,
    execArgv: ["--import", "tsx", ...execArgv],
    env: { ...process.env, ...env },
    // Structured clone: bigint and Uint8Array cross the channel as they are.
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  live.add(child);
  let exited = false;
  const exitWaiters = new Set<(reason: string) => void>();
  child.once("exit", (code, signal) => {
    exited = true;
    live.delete(child);
    for (const waiter of exitWaiters) waiter(`${name} exited (code ${code}, signal ${signal})`);
    exitWaiters.clear();
  });

  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const eventWaiters = new Map<string, ((data: unknown) => void)[]>();
  child.on("message", (message: Reply | Event) => {
    if ("event" in message) {
      const waiters = eventWaiters.get(message.event) ?? [];
      eventWaiters.delete(message.event);
      for (const waiter of waiters) waiter(message.data);
      return;
    }
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new Error(`${name}: ${message.error}`));
  });

  const onExitReject = (reject: (error: Error) => void) => {
    const waiter = (reason: string) => reject(new Error(reason));
    exitWaiters.add(waiter);
    return () => exitWaiters.delete(waiter);
  };

  const handle: ChildHandle = {
    child,
    name,
    request<T>(command: string, args?: unknown, timeoutMs = 60_000) {
      return new Promise<T>((resolve, reject) => {
        if (exited) return reject(new Error(`${name} is not running`));
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          cleanup();
          reject(new Error(`${name}: no answer to "${command}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = onExitReject((error) => {
          clearTimeout(timer);
          pending.delete(id);
          reject(error);
        });
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            cleanup();
            resolve(value as T);
          },
          reject: (error) => {
            clearTimeout(timer);
            cleanup();
            reject(error);
          },
        });
        child.send({ id, command, args } satisfies Request);
      });
    },
    nextEvent<T>(event: string, timeoutMs = 60_000) {
      return new Promise<T>((resolve, reject) => {
        if (exited) return reject(new Error(`${name} is not running`));
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`${name}: no "${event}" within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = onExitReject((error) => {
          clearTimeout(timer);
          reject(error);
        });
        const list = eventWaiters.get(event) ?? [];
        list.push((data) => {
          clearTimeout(timer);
          cleanup();
          resolve(data as T);
        });
        eventWaiters.set(event, list);
      });
    },
    async stop(timeoutMs = 20_000) {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await handle.request("close", undefined, timeoutMs).catch(() => {});
      await gone;
      clearTimeout(timer);
    },
    async kill() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGKILL");
      await gone;
    },
  };
  return handle;
}

/** Last-resort cleanup: kills every child this process started and that is still running. */
export function killStartedChildren(): void {
  for (const child of live) {
    if (child.pid !== undefined && child.exitCode === null) child.kill("SIGKILL");
  }
  live.clear();
}

// ---- child side ------------------------------------------------------------

export type Handlers = Record<string, (args: never) => unknown>;

/**
 * In a child: answers the parent's requests with the given handlers and exits
 * (after `onParentGone`) when the parent disappears, so a crashed benchmark
 * never leaves a server or load generator behind.
 */
export function serveParent(handlers: Handlers, onParentGone: () => Promise<void>): void {
  if (!process.send) throw new Error("This module runs as a child of bench/run.ts (it needs an IPC channel).");
  process.on("message", (message: Request) => {
    const handler = handlers[message.command];
    if (!handler) return reply({ id: message.id, ok: false, error: `unknown command ${message.command}` });
    Promise.resolve()
      .then(() => handler(message.args as never))
      .then(
        (result) => reply({ id: message.id, ok: true, result }),
        (error: unknown) => reply({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      )
      // "close" is the last request: the child exits once the answer is out.
      .then(() => message.command === "close" && process.exit(0));
  });
  process.on("disconnect", () => {
    void onParentGone().finally(() => process.exit(0));
  });
}

export function emitToParent(event: string, data?: unknown): void {
  process.send?.({ event, data } satisfies Event);
}

function reply(message: Reply): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}
