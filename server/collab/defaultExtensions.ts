// The sync server's composition root: every rule of docs/SYNC.md that is not
// the protocol itself is one of these extensions, run in this order. Order
// matters where noted.
import { createAdmissionQueries } from "./admissionQueries";
import type { MessageRate } from "./connectionRateLimit";
import { createPostgresDocumentStore, type DocumentStore } from "./documentStore";
import type { CollabExtension } from "./extension";
import { AuthenticationExtension } from "./extensions/AuthenticationExtension";
import { AuthorizationExtension } from "./extensions/AuthorizationExtension";
import { CheckpointsExtension } from "./extensions/CheckpointsExtension";
import { ClusterFanOutExtension } from "./extensions/ClusterFanOutExtension";
import { ClusterPresenceExtension } from "./extensions/ClusterPresenceExtension";
import { ConnectionLimitExtension } from "./extensions/ConnectionLimitExtension";
import { DocumentEventsExtension } from "./extensions/DocumentEventsExtension";
import { DocumentSizeLimitExtension } from "./extensions/DocumentSizeLimitExtension";
import { EditingNowExtension } from "./extensions/EditingNowExtension";
import { KeepAliveExtension } from "./extensions/KeepAliveExtension";
import { countingWriteErrors, MetricsExtension } from "./extensions/MetricsExtension";
import { NewsroomPresenceExtension } from "./extensions/NewsroomPresenceExtension";
import { PersistenceExtension } from "./extensions/PersistenceExtension";
import { PresenceLimitsExtension } from "./extensions/PresenceLimitsExtension";
import { PresenceStampExtension } from "./extensions/PresenceStampExtension";
import { ReadOnlyRolesExtension } from "./extensions/ReadOnlyRolesExtension";
import { SessionsExtension } from "./extensions/SessionsExtension";
import { SuggestionGateExtension } from "./extensions/SuggestionGateExtension";
import { SyncBridgeExtension } from "./extensions/SyncBridgeExtension";
import { SyncRequestLimitExtension } from "./extensions/SyncRequestLimitExtension";
import { UpdateValidationExtension } from "./extensions/UpdateValidationExtension";
import { connectCluster } from "../cluster/redisCluster";
import type { RoomLogger } from "./Room";
import { createSyncDatabase } from "./syncDatabase";

export type DefaultExtensionOptions = {
  authSecret: string;
  logger: RoomLogger;
  /** PostgreSQL unless given (tests pass an in-memory store). */
  store?: DocumentStore;
  keepAliveMs?: number;
  compactAfterRows?: number;
  minSnapshotIntervalMs?: number;
  /** Largest a document's encoded state may grow (rule L5; tests lower it). */
  maxDocumentBytes?: number;
  /** Presence messages per connection (rule A7; tests lower it). */
  presenceRate?: MessageRate;
  /** Sync step 1 requests per connection (rule L6; tests lower it). */
  syncRequestRate?: MessageRate;
  /** How often open sockets' sessions and roles are checked again (rule A8; tests shorten it). */
  sessionCheckMs?: number;
  /** Several nodes: the Redis that links them (REDIS_URL). Without it this node is alone. */
  redisUrl?: string;
  /** How often an open room reads back other nodes' log rows (rule N2; tests shorten it). */
  catchUpIntervalMs?: number;
};

export function defaultExtensions(options: DefaultExtensionOptions): CollabExtension[] {
  // Failed writes counted for /api/metrics on their way to the log.
  options = { ...options, logger: countingWriteErrors(options.logger) };
  // One small pool for the store and the per-socket admission lookups.
  const database = createSyncDatabase();
  const admission = createAdmissionQueries(database);
  const store = options.store ?? createPostgresDocumentStore(database);
  const cluster = options.redisUrl ? connectCluster({ url: options.redisUrl, logger: options.logger }) : undefined;
  const persistence = new PersistenceExtension({
    store,
    logger: options.logger,
    compactAfterRows: options.compactAfterRows,
    minSnapshotIntervalMs: options.minSnapshotIntervalMs,
    sharedLog: Boolean(cluster),
  });
  const documentEvents = new DocumentEventsExtension();
  return [
    // First: it counts every update, also those a later extension drops or refuses.
    new MetricsExtension(),
    // Authentication fills in who is connecting; authorization needs it.
    new AuthenticationExtension(options.authSecret, admission.findActiveSession),
    new AuthorizationExtension(admission.findDocumentRole),
    // Closes sockets whose session ends (sign-out, expiry, a disabled user) and re-checks roles.
    new SessionsExtension({ checkIntervalMs: options.sessionCheckMs, logger: options.logger }),
    // Refuses before anything else records the connection.
    new ConnectionLimitExtension(),
    new EditingNowExtension(),
    // After EditingNow: dashboards reload once the registry holds the change;
    // other nodes get the list itself.
    new NewsroomPresenceExtension(),
    ...(cluster ? [new ClusterPresenceExtension(cluster)] : []),
    new KeepAliveExtension(options.keepAliveMs),
    new SyncRequestLimitExtension(options.syncRequestRate),
    // The first verdict wins: read-only roles are dropped before the gate sees them.
    new ReadOnlyRolesExtension(),
    // Before anything that reads or applies the update (read-only roles' are dropped unread).
    new UpdateValidationExtension(),
    // Before the gate, whose verdict applies the update itself.
    new DocumentSizeLimitExtension(options.maxDocumentBytes),
    new SuggestionGateExtension(),
    // Bounds and rate first: the stamp rebuilds only what passes.
    new PresenceLimitsExtension(options.presenceRate),
    new PresenceStampExtension(),
    persistence,
    // After persistence: it loads on top of the stored state, and relays what persistence just queued.
    ...(cluster ? [new ClusterFanOutExtension(cluster, persistence, options.logger, { catchUpIntervalMs: options.catchUpIntervalMs })] : []),
    // After persistence: a checkpoint covers what persistence stored. Versions
    // live in PostgreSQL, so only with the PostgreSQL store.
    ...(options.store ? [] : [new CheckpointsExtension(options.logger)]),
    documentEvents,
    new SyncBridgeExtension({ documentEvents, persistence, cluster }),
    // Last: every other extension is done with the database and Redis by then.
    { name: "sync-database", onDestroy: () => database.close() },
    ...(cluster ? [{ name: "cluster-link", onDestroy: () => cluster.close() }] : []),
  ];
}
