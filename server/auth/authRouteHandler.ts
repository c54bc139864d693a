// Wraps next-auth's route handler (/api/auth/*). Two things next-auth does
// not do by itself: bound the body before sign-in (it reads whatever it is
// sent: an 8 MiB POST was read in full), and throttle credential sign-ins
// (signInThrottle.ts): a throttled attempt is answered 429 with Retry-After,
// whatever the password, so it tells nothing about the account.
import { NextRequest } from "next/server";
import { MAX_AUTH_BODY_BYTES } from "../../lib/limits";
import { readBodyBytes } from "../api/readBodyBytes";
import { errorResponse } from "../api/routeHandler";
import { CLIENT_ADDRESS_HEADER } from "../http/clientAddress";
import { beginSignInAttempt, finishSignInAttempt } from "./signInThrottle";
import { getLogger } from "../log";

type NextAuthHandler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
type Context = { params: Promise<{ nextauth: string[] }> };

export function authPostHandler(handler: NextAuthHandler) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let body: Buffer;
    try {
      body = await readBodyBytes(request, MAX_AUTH_BODY_BYTES, "Sign-in requests are small; this one is too large");
    } catch (error) {
      return errorResponse(error);
    }
    // next-auth reads the body itself: hand it a request with the bytes already read.
    const forward = () => handler(new NextRequest(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(body) }), context);
    const { nextauth } = await context.params;
    if (nextauth[0] !== "callback" || nextauth[1] !== "credentials") return forward();

    const attempt = { email: credentialEmail(body, request.headers.get("content-type")), address: request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown" };
    let verdict;
    try {
      verdict = await beginSignInAttempt(attempt);
    } catch (error) {
      getLogger().error({ component: "auth", requestId: request.headers.get("x-request-id"), err: error }, "sign-in throttling unavailable");
      return Response.json({ error: "Signing in is unavailable; try again shortly" }, { status: 503 });
    }
    if (!verdict.allowed) {
      return Response.json(
        { error: "Too many sign-in attempts", retryAfterSeconds: verdict.retryAfterSeconds },
        { status: 429, headers: { "retry-after": String(verdict.retryAfterSeconds) } },
      );
    }
    const response = await forward();
    const outcome = await signInOutcome(response);
    if (outcome !== "other") await finishSignInAttempt(attempt, outcome === "signed-in").catch((error: unknown) => getLogger().error({ component: "auth", requestId: request.headers.get("x-request-id"), err: error }, "could not record a sign-in attempt"));
    return response;
  };
}

/** The email of a credential sign-in, read as next-auth reads the body (form-encoded or JSON). */
function credentialEmail(body: Buffer, contentType: string | null): string {
  const text = body.toString("utf8");
  if (contentType?.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(text);
      const email = typeof parsed === "object" && parsed !== null ? (parsed as { email?: unknown }).email : undefined;
      return typeof email === "string" ? email : "";
    } catch {
      return "";
    }
  }
  return new URLSearchParams(text).get("email") ?? "";
}

/** next-auth answers a credential sign-in with the session cookie, or a redirect (or its JSON form) to an error. */
async function signInOutcome(response: Response): Promise<"signed-in" | "refused" | "other"> {
  if (response.headers.getSetCookie().some((cookie) => /(^|\.)next-auth\.session-token=[^;]/.test(cookie))) return "signed-in";
  let target = response.headers.get("location") ?? "";
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    target = String(((await response.clone().json()) as { url?: unknown }).url ?? "");
  }
  return target.includes("error=CredentialsSignin") ? "refused" : "other";
}
