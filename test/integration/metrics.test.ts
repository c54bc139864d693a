// GET /api/metrics (issue 10, operability): Prometheus text for the bearer of
// METRICS_TOKEN only (404 without one configured, 401 without or with a wrong
// token), with the sync server's figures as real y-websocket clients produce
// them — connections, open rooms, updates and bytes in and out, fan-out and
// persistence lag — event-loop lag, and the sign-in throttle's verdicts.
// Through the function the route calls; the real server and PostgreSQL.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { beginSignInAttempt, FREE_ATTEMPTS } from "../../server/auth/signInThrottle";
import { metricsResponse } from "../../server/metrics/metricsResponse";
import { useTestServer } from "../support/useTestServer";
import { createTestDocument, createTestUser, sessionCookie, waitFor } from "../support/testServer";

const TOKEN = "metrics-token-for-tests-0123456789";
/** `token` is what METRICS_TOKEN is set to ("": not set). */
const scrape = (authorization?: string, token = TOKEN) =>
  metricsResponse(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }), token);

/** The value of a sample line (`name{labels} value`), or undefined. */
function sample(text: string, name: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("GET /api/metrics", () => {
  const harness = useTestServer();

  it("is not there without METRICS_TOKEN, and wants the token when it is set", async () => {
    expect((await scrape(`Bearer ${TOKEN}`, "")).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token")).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("counts what the sync server does with real clients", async () => {
    const user = await createTestUser();
    const document = await createTestDocument(user);
    const cookie = await sessionCookie(user);
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const a = harness.connect(document.id, cookie);
    const b = harness.connect(document.id, cookie);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    for (let i = 0; i < 5; i++) a.appendParagraph(`Line ${i}`);
    await waitFor(() => b.text().split("\n\n").length === 5, { message: "b to receive a's lines" });

    let text = "";
    await waitFor(
      async () => {
        text = await (await scrape(`Bearer ${TOKEN}`)).text();
        return (sample(text, "newsroom_collab_persistence_lag_seconds_count") ?? 0) > (sample(before, "newsroom_collab_persistence_lag_seconds_count") ?? 0);
      },
      { timeout: 10_000, message: "a persisted write to be measured" },
    );
    expect(sample(text, "newsroom_collab_connections")).toBeGreaterThanOrEqual(2);
    expect(sample(text, "newsroom_collab_open_rooms")).toBeGreaterThanOrEqual(1);
    for (const counter of ["newsroom_collab_updates_received_total", "newsroom_collab_update_bytes_received_total", "newsroom_collab_messages_sent_total", "newsroom_collab_bytes_sent_total"]) {
      expect(sample(text, counter), counter).toBeGreaterThan(sample(before, counter) ?? 0);
    }
    expect(sample(text, "newsroom_collab_fanout_lag_seconds_count")).toBeGreaterThan(sample(before, "newsroom_collab_fanout_lag_seconds_count") ?? 0);
    expect(text).toContain("newsroom_collab_write_errors_total");
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);

    a.destroy();
    b.destroy();
    await waitFor(async () => sample(await (await scrape(`Bearer ${TOKEN}`)).text(), "newsroom_collab_connections") === 0, { message: "the connections to be gone" });
  });

  it("counts sign-in attempts the throttle allowed and refused", async () => {
    const throttled = (text: string) => sample(text, 'newsroom_signin_attempts_total{verdict="throttled"}') ?? 0;
    const before = throttled(await (await scrape(`Bearer ${TOKEN}`)).text());
    const attempt = { email: `${randomUUID()}@newsroom.test`, address: "10.9.8.7" };
    for (let i = 0; i < FREE_ATTEMPTS + 2; i++) await beginSignInAttempt(attempt);
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(throttled(text) - before).toBe(2);
    expect(sample(text, 'newsroom_signin_attempts_total{verdict="allowed"}')).toBeGreaterThanOrEqual(FREE_ATTEMPTS);
  });
});
