// The import queue (issue 10): parses run one at a time in a worker thread
// from a bounded queue. When it is full an import is answered 503 with
// Retry-After at once, and nothing is created; a file that takes too long to
// parse fails alone (422) while the imports queued behind it are created.
// Through the function the route calls, with the real worker and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "../../server/api/routeHandler";
import { getPrisma } from "../../server/db/prisma";
import { importResponse } from "../../server/importExport/importResponse";
import { startImportWorker } from "../../server/importExport/importWorkerPool";
import { createTestUser } from "../support/testServer";
import { useTestServer } from "../support/useTestServer";

type User = Awaited<ReturnType<typeof createTestUser>>;

const importAs = (user: User, body: { format: string; content: string; title?: string }) =>
  importResponse(
    user,
    new Request("http://localhost/api/documents/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  ).catch(errorResponse);

/** About 500 KiB of HTML: several seconds of parsing on these machines. */
function slowHtml(): string {
  const paragraph = "<p>Paragraph with <b>bold</b> and <i>italic</i> and <a href='https://example.org'>a link</a>.</p>";
  return paragraph.repeat(Math.floor((500 * 1024) / paragraph.length));
}

const documentsBy = (user: User) => getPrisma().document.count({ where: { createdById: user.id } });

describe("the import queue", () => {
  useTestServer();
  let stopWorker: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stopWorker?.();
    stopWorker = undefined;
  });

  it("answers 503 with Retry-After when the queue is full, and creates only what it accepted", async () => {
    stopWorker = startImportWorker({ maxQueued: 2 });
    const user = await createTestUser();
    // All at once, before the worker has even started: two wait, the rest are refused.
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => importAs(user, { format: "text", content: `Import ${i}\n\nBody.` })));
    const statuses = responses.map((response) => response.status);
    const refused = responses.filter((response) => response.status === 503);
    expect(refused.length, statuses.join(",")).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(((await response.json()) as { error: string }).error).toBe("Too many imports are waiting; try again in a moment");
    }
    const created = statuses.filter((status) => status === 201).length;
    expect(created + refused.length, statuses.join(",")).toBe(6);
    expect(created).toBeGreaterThanOrEqual(2);
    expect(await documentsBy(user)).toBe(created);
  });

  it("fails only the import that timed out; those queued behind it are created", async () => {
    stopWorker = startImportWorker({ timeoutMs: 750 });
    const user = await createTestUser();
    // The worker is up before the race starts (its start-up is not part of any timeout).
    expect((await importAs(user, { format: "text", content: "Warm-up", title: "Warm-up" })).status).toBe(201);

    const slow = importAs(user, { format: "html", content: slowHtml(), title: "Too slow" });
    const quick = Array.from({ length: 3 }, (_, i) => importAs(user, { format: "text", content: "Behind a slow file.", title: `Queued ${i}` }));
    const slowResponse = await slow;
    expect(slowResponse.status).toBe(422);
    expect(((await slowResponse.json()) as { error: string }).error).toMatch(/took too long/);
    expect((await Promise.all(quick)).map((response) => response.status)).toEqual([201, 201, 201]);
    const titles = (await getPrisma().document.findMany({ where: { createdById: user.id }, select: { title: true } })).map((row) => row.title).sort();
    expect(titles).toEqual(["Queued 0", "Queued 1", "Queued 2", "Warm-up"]);
  });
});
