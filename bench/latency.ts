// One-way edit latency between two full clients: A types one character at a
// fixed rate into its own paragraph; B timestamps the moment its Y.Doc
// observes it. Both clients live in this process, so one clock measures
// send → server → receive → apply. Only A writes that paragraph, so B's text
// length tells which edit arrived.
import * as Y from "yjs";
import { appendParagraph, findParagraphText, type FullClient } from "./fullClient";
import { percentiles, sleep, type Percentiles } from "./stats";

export type LatencyProbe = {
  /** A's paragraph text and the same text in B's copy. */
  sender: Y.XmlText;
  receiver: Y.XmlText;
};

/** Percentiles over all sent edits, a lost one (not delivered within the timeout) counting as Infinity; count = delivered. */
export type LatencyResult = Percentiles & { sent: number; lost: number; seconds: number };

/** Creates the paragraph A will type into and waits until B has it. */
export async function prepareLatencyProbe(a: FullClient, b: FullClient): Promise<LatencyProbe> {
  const { paragraph, text } = appendParagraph(a);
  const receiver = await findParagraphText(b, paragraph);
  return { sender: text, receiver };
}

export async function measureLatency(
  probe: LatencyProbe,
  options: { samples: number; editsPerSecond: number; timeoutMs?: number },
): Promise<LatencyResult> {
  const { sender, receiver } = probe;
  const { samples, editsPerSecond, timeoutMs = 15_000 } = options;
  // Earlier edits (a warm-up run) must have arrived before this run counts.
  const settle = performance.now() + timeoutMs;
  while (receiver.length !== sender.length && performance.now() < settle) await sleep(5);
  const base = receiver.length;
  if (sender.length !== base) throw new Error("the latency paragraph differs between A and B before the run");
  const sentAt: number[] = [];
  const latencies: number[] = [];
  const onChange = () => {
    const now = performance.now();
    const arrived = receiver.length - base;
    while (latencies.length < arrived && latencies.length < sentAt.length) latencies.push(now - sentAt[latencies.length]!);
  };
  receiver.observe(onChange);
  const period = 1000 / editsPerSecond;
  const started = performance.now();
  try {
    for (let i = 0; i < samples; i++) {
      const due = started + i * period;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt.push(performance.now());
      // The provider sends the update from inside this call.
      sender.insert(sender.length, String.fromCharCode(97 + (i % 26)));
    }
    const deadline = performance.now() + timeoutMs;
    while (latencies.length < samples && performance.now() < deadline) await sleep(5);
  } finally {
    receiver.unobserve(onChange);
  }
  const lost = samples - latencies.length;
  // A lost edit counts as slower than any delivered one, so percentiles stay honest.
  return {
    ...percentiles(latencies.concat(Array<number>(lost).fill(Infinity))),
    count: latencies.length,
    sent: samples,
    lost,
    seconds: (performance.now() - started) / 1000,
  };
}
