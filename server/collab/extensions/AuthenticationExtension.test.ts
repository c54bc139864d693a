// Rule A1 (no session, no socket) and the Origin part of A2, without a database:
// a request without a session cookie is refused before anything else happens.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../lib/closeCodes";
import { CollabRefusal } from "../extension";
import { AuthenticationExtension, isSameOrigin } from "./AuthenticationExtension";

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("AuthenticationExtension", () => {
  it("A1: refuses an upgrade without a session cookie with 4401", async () => {
    const extension = new AuthenticationExtension("a-secret-of-at-least-32-characters!!");
    const refusal = await extension.onAuthenticate({ request: request({ host: "newsroom.test" }), context: {} }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CollabRefusal);
    expect((refusal as CollabRefusal).code).toBe(CloseCode.unauthorized);
  });

  it("A1: refuses a forged session cookie with 4401", async () => {
    const extension = new AuthenticationExtension("a-secret-of-at-least-32-characters!!");
    const forged = request({ host: "newsroom.test", cookie: "next-auth.session-token=not-a-jwt" });
    const refusal = await extension.onAuthenticate({ request: forged, context: {} }).catch((error: unknown) => error);
    expect((refusal as CollabRefusal).code).toBe(CloseCode.unauthorized);
  });

  it("A2: accepts handshakes from this host or without Origin, refuses other sites", () => {
    expect(isSameOrigin(request({ host: "newsroom.test" }))).toBe(true);
    expect(isSameOrigin(request({ host: "newsroom.test", origin: "https://newsroom.test" }))).toBe(true);
    expect(isSameOrigin(request({ host: "newsroom.test", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ host: "newsroom.test", origin: "not a url" }))).toBe(false);
  });
});
