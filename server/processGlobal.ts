// A value shared by the whole process. The custom server (run by tsx) and
// Next's bundled route handlers load separate copies of every server module
// in one process; state that both must see (the Prisma pool, presence, the
// sync server's hooks) is kept on globalThis under a process-wide symbol.
export type ProcessGlobal<T> = {
  get(): T | undefined;
  /** The value, created (and kept) on first use. */
  getOrCreate(create: () => T): T;
  /** Sets the value; the returned function clears it if it is still this value. */
  set(value: T): () => void;
  clear(): void;
};

export function processGlobal<T>(name: string): ProcessGlobal<T> {
  const key = Symbol.for(`newsroom.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => holder[key],
    getOrCreate: (create) => (holder[key] ??= create()),
    set(value) {
      holder[key] = value;
      return () => {
        if (holder[key] === value) delete holder[key];
      };
    },
    clear() {
      delete holder[key];
    },
  };
}
