import { EventEmitter } from "node:events";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../test/support/testServer";
import { handleStopSignals, type StopSignal } from "./handleStopSignals";

const uninstalls: (() => void)[] = [];
afterEach(() => {
  for (const uninstall of uninstalls.splice(0)) uninstall();
});

function install(graceMs: number) {
  const target = new EventEmitter();
  const calls: string[] = [];
  uninstalls.push(
    handleStopSignals({
      target: target as never,
      graceMs,
      onStop: (signal) => calls.push(`stop ${signal}`),
      onForce: (signal) => calls.push(`force ${signal}`),
    }),
  );
  return { calls, send: (signal: StopSignal) => target.emit(signal, signal) };
}

describe("stop signals (P2 of docs/SYNC.md)", () => {
  it("a signal delivered twice at once (process group and npm's relay) is one stop", () => {
    const { calls, send } = install(50);
    send("SIGTERM");
    send("SIGTERM");
    send("SIGINT");
    expect(calls).toEqual(["stop SIGTERM"]);
  });

  it("a signal after the grace forces the exit", async () => {
    const { calls, send } = install(20);
    send("SIGINT");
    await waitFor(() => {
      send("SIGINT");
      return calls.length > 1;
    });
    expect(calls).toEqual(["stop SIGINT", "force SIGINT"]);
  });

  it("a duplicate that waited while the event loop was busy for longer than the grace is still a duplicate", async () => {
    const { calls, send } = install(20);
    // The duplicate arrives as I/O (as a signal does): a byte on a socket,
    // written before the loop gets busy and read only after.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const accepted = new Promise<net.Socket>((resolve) => server.once("connection", resolve));
    const client = net.connect((server.address() as net.AddressInfo).port, "127.0.0.1");
    const socket = await accepted;
    let duplicateHandled = false;
    socket.once("data", () => {
      send("SIGTERM");
      duplicateHandled = true;
    });

    send("SIGTERM");
    client.write("x");
    const busyUntil = Date.now() + 100; // five times the grace, without yielding
    while (Date.now() < busyUntil);

    await waitFor(() => duplicateHandled);
    expect(calls).toEqual(["stop SIGTERM"]);
    // Once the grace has passed on a free loop, a new signal is someone insisting.
    await waitFor(() => {
      send("SIGTERM");
      return calls.length > 1;
    });
    expect(calls).toEqual(["stop SIGTERM", "force SIGTERM"]);
    client.destroy();
    socket.destroy();
    server.close();
  });
});
