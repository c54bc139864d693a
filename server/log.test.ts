import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

describe("log", () => {
  it("writes one JSON line per event with level name, time, message and fields", () => {
    const { logger, lines } = capture();
    logger.child({ requestId: "r1" }).info({ userId: "u1", documentId: "d1" }, "document opened");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "document opened", requestId: "r1", userId: "u1", documentId: "d1", service: "newsroom" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("never writes a password, cookie, authorization header, token or secret", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2-hunter2",
        cookie: "next-auth.session-token=abc",
        request: { headers: { cookie: "next-auth.session-token=abc", authorization: "Bearer metrics-token" } },
        user: { email: "a@example.org", passwordHash: "$argon2id$…" },
        secret: "nextauth-secret",
        token: "t",
      },
      "sign-in attempt",
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ["hunter2", "session-token=abc", "metrics-token", "$argon2id$", "nextauth-secret"]) expect(line).not.toContain(secret);
    expect(line).toContain("a@example.org");
  });

  it("follows LOG_LEVEL: debug lines only when asked for", () => {
    const quiet = capture("info");
    quiet.logger.debug("hidden");
    expect(quiet.lines).toHaveLength(0);
    const verbose = capture("debug");
    verbose.logger.debug("shown");
    expect(verbose.lines).toHaveLength(1);
  });

  it("serializes errors with their message and stack", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("boom") }, "failed");
    expect(lines[0]).toMatchObject({ err: { message: "boom", type: "Error" } });
  });
});
