// One HTTP server on one port: Next.js for pages and route handlers, the sync
// server for websocket upgrades on /collab/<documentId>, the newsroom's live
// channel for dashboards on /live/newsroom.
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { createCollabServer, COLLAB_PATH_PREFIX, type CollabServer, type CollabServerOptions } from "../collab/createCollabServer";
import { NEWSROOM_CHANNEL_PATH } from "../../lib/newsroomEvents";
import { createNewsroomChannel, type NewsroomChannel } from "../newsroom/createNewsroomChannel";
import { startVersionDigestWorker } from "../history/versionDigestWorkerPool";
import { startImportWorker } from "../importExport/importWorkerPool";
import { startMediaCleanup } from "../media/deleteUnusedMedia";
import { projectDir as defaultProjectDir } from "../projectDir";
import { stampClientAddress } from "./clientAddress";
import { refuseCrossSiteWrite } from "./crossSiteRequests";
import { applySecurityHeaders } from "./securityHeaders";
import { pathOf, stampRequestId } from "./requestId";
import { getLogger } from "../log";

export type NewsroomServer = {
  port: number;
  url: string;
  collab: CollabServer;
  newsroomChannel: NewsroomChannel;
  /** Stops accepting, flushes every open document, closes sockets. */
  close: () => Promise<void>;
};

export type StartOptions = {
  port: number;
  host: string;
  authSecret: string;
  /** "production" serves .next; "development" hot-reloads; "none" serves only the sync socket (integration tests). */
  nextMode: "production" | "development" | "none";
  projectDir?: string;
  /** Sync server settings beyond the secret (tests shorten keep-alive and compaction intervals). */
  collab?: Omit<CollabServerOptions, "authSecret">;
};

export async function startNewsroomServer(options: StartOptions): Promise<NewsroomServer> {
  const projectDir = options.projectDir ?? defaultProjectDir();
  const collab = createCollabServer({ ...options.collab, authSecret: options.authSecret });
  const newsroomChannel = createNewsroomChannel({ authSecret: options.authSecret });
  const stopImportParser = startImportWorker();
  const stopVersionDigests = startVersionDigestWorker();
  const stopMediaCleanup = startMediaCleanup();

  let app: ReturnType<typeof next> | undefined;
  let handleRequest: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void = (_req, res) => {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
  };
  let handleOtherUpgrade: ((req: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer) => unknown) | undefined;
  if (options.nextMode !== "none") {
    app = next({ dev: options.nextMode === "development", dir: projectDir, hostname: "localhost", port: options.port });
    await app.prepare();
    handleRequest = app.getRequestHandler();
    // Hot reload's socket in dev; in production Next's own listener would leave
    // other upgrade requests hanging, so they are refused below.
    if (options.nextMode === "development") handleOtherUpgrade = app.getUpgradeHandler();
  }

  const headerOptions = { https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"), dev: options.nextMode === "development" };
  const server = http.createServer((req, res) => {
    const requestId = stampRequestId(req, res);
    stampClientAddress(req);
    applySecurityHeaders(req, res, headerOptions);
    if (refuseCrossSiteWrite(req, res)) return;
    void Promise.resolve(handleRequest(req, res)).catch((error: unknown) => {
      getLogger().error({ component: "http", requestId, method: req.method, path: pathOf(req.url), err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "Internal server error" }));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith(COLLAB_PATH_PREFIX)) return collab.handleUpgrade(req, socket, head);
    if (req.url === NEWSROOM_CHANNEL_PATH) return newsroomChannel.handleUpgrade(req, socket, head);
    if (handleOtherUpgrade) return void handleOtherUpgrade(req, socket, head);
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    port,
    url: `http://localhost:${port}`,
    collab,
    newsroomChannel,
    close: () =>
      (closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await newsroomChannel.close();
        await collab.close();
        // After the sync server: its last checkpoints (at unload) may still be digesting.
        await stopVersionDigests();
        await stopImportParser();
        stopMediaCleanup();
        server.closeAllConnections();
        await stopped;
        await app?.close();
      })()),
  };
}
