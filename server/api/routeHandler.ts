// The one wrapper every API route handler goes through: authenticate from the
// session cookie, run the handler, and map errors to JSON responses
// (AppError → its status, invalid input → 422, anything else → logged 500).
import { NextResponse } from "next/server";
import { z } from "zod";
import type { ActiveSession } from "../auth/sessions";
import { findRequestSession, type SessionUser } from "../auth/sessionUser";
import { AppError } from "../errors";
import { getLogger } from "../log";

type RouteContext<Params> = { params: Promise<Params> };

export function withSessionUser<Params = Record<string, never>>(
  handler: (args: { request: Request; user: SessionUser; session: ActiveSession; params: Params }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    let userId: string | undefined;
    let params: Params | undefined;
    try {
      // Checked against the database on every request: a signed-out session's cookie gets 401.
      const session = await findRequestSession();
      if (!session) throw new AppError("unauthorized", "Sign in required");
      userId = session.user.id;
      params = await context.params;
      return await handler({ request, user: session.user, session, params });
    } catch (error) {
      // Who and what, for the log line of an unexpected error (the custom server set the request id).
      const documentId = (params as { id?: unknown } | undefined)?.id;
      return errorResponse(error, {
        requestId: request.headers.get("x-request-id") ?? undefined,
        userId,
        documentId: typeof documentId === "string" ? documentId : undefined,
        method: request.method,
        path: new URL(request.url).pathname,
      });
    }
  };
}

export function errorResponse(error: unknown, context: Record<string, string | undefined> = {}): Response {
  if (error instanceof AppError) {
    const retryAfter = error.options.retryAfterSeconds;
    return NextResponse.json(
      { error: error.message, ...(error.details ? { details: error.details } : {}) },
      { status: error.status, headers: retryAfter === undefined ? undefined : { "retry-after": String(retryAfter) } },
    );
  }
  if (error instanceof z.ZodError) {
    return NextResponse.json(
      { error: error.issues[0]?.message ?? "Invalid input", details: z.flattenError(error) },
      { status: 422 },
    );
  }
  getLogger().error({ component: "api", ...context, err: error }, "unexpected error");
  return NextResponse.json({ error: "Internal server error" }, { status: 500 });
}

/** Parses a value (path parameter, query) or throws 404/422 as the caller chooses. */
export function parseParam<T>(schema: z.ZodType<T>, value: unknown, notFoundMessage: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("not_found", notFoundMessage);
  return parsed.data;
}
