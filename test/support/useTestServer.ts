// One real server per test file, and clients that are cleaned up after it.
import { afterAll, beforeAll } from "vitest";
import { connectClient, type CollabClient } from "./collabClient";
import { startTestServer, type TestServer } from "./testServer";
import type { StartOptions } from "../../server/http/startNewsroomServer";

/** `collab` shortens the sync server's intervals for tests of keep-alive or compaction. */
export function useTestServer(collab?: StartOptions["collab"]) {
  let server: TestServer | undefined;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(0, collab);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.close();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error("The test server starts in beforeAll");
      return server;
    },
    /** A y-websocket client on this server, destroyed after the file's tests. */
    connect(documentId: string, cookie: string | null): CollabClient {
      const client = connectClient(this.server.wsUrl, documentId, cookie);
      clients.push(client);
      return client;
    },
  };
}
