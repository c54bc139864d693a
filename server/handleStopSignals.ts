// SIGINT and SIGTERM ask for one graceful stop. The same signal usually
// arrives twice at once: Ctrl+C, or `kill -TERM -<pgid>`, reaches every
// process of the group, and npm relays what it receives to the server as
// well. A busy server may handle the relayed copy long after the first one
// (its event loop was running a flush), so elapsed time alone cannot tell a
// duplicate from someone insisting. A repeat counts as insisting only once
// the event loop has run for `graceMs` after the first signal *and* has
// handled every signal that was already waiting by then.
const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

type SignalTarget = {
  on(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
  off(signal: StopSignal, listener: (signal: StopSignal) => void): unknown;
};

export function handleStopSignals(options: {
  /** Called once, on the first signal. */
  onStop: (signal: StopSignal) => void;
  /** Called on a signal that is not a duplicate of the first (see above). */
  onForce: (signal: StopSignal) => void;
  graceMs?: number;
  target?: SignalTarget;
}): () => void {
  const { onStop, onForce, graceMs = 2000, target = process } = options;
  let state: "running" | "stopping" | "insistable" = "running";
  let timer: NodeJS.Timeout | undefined;
  const listener = (signal: StopSignal) => {
    if (state === "insistable") return onForce(signal);
    if (state === "stopping") return;
    state = "stopping";
    // The timer runs in the loop's timers phase; signals that arrived while the
    // loop was busy are handled in the poll phase after it; setImmediate runs
    // after that. So duplicates pending when the grace ends are still ignored.
    timer = setTimeout(() => setImmediate(() => (state = "insistable")), graceMs);
    timer.unref();
    onStop(signal);
  };
  for (const signal of STOP_SIGNALS) target.on(signal, listener);
  return () => {
    clearTimeout(timer);
    for (const signal of STOP_SIGNALS) target.off(signal, listener);
  };
}
