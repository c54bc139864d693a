// The address a request came from, for throttling sign-in per address. Route
// handlers have no socket, so the custom server writes it into a header of
// its own on every request (overwriting whatever a client sent in it). Behind
// a reverse proxy every request comes from the proxy: with TRUST_PROXY=1 the
// address is the last X-Forwarded-For entry, the one the proxy itself added
// (earlier entries are whatever the client claimed).
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-newsroom-client-address";

export function clientAddressOf(request: IncomingMessage, trustProxy = process.env.TRUST_PROXY === "1"): string {
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? "unknown";
}

/** Called by the custom server before Next sees the request. */
export function stampClientAddress(request: IncomingMessage): void {
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request);
}
