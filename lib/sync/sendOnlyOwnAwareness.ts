// y-websocket's provider re-sends every awareness change it *receives*, so
// with N people one caret move comes back to the server N−1 times. This
// replaces its handler with one that sends only changes to our own state.
import * as awarenessProtocol from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import type { WebsocketProvider } from "y-websocket";

const MESSAGE_AWARENESS = 1;

export function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const internal = provider as unknown as { _awarenessUpdateHandler: (...args: never[]) => void };
  provider.awareness.off("update", internal._awarenessUpdateHandler);
  const ownId = provider.doc.clientID;
  provider.awareness.on(
    "update",
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === provider) return;
      const own = added.concat(updated, removed).filter((clientId) => clientId === ownId);
      if (own.length === 0 || !provider.wsconnected || !provider.ws) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(provider.awareness, own));
      provider.ws.send(encoding.toUint8Array(encoder));
    },
  );
}
