// The sync server's composition root: every rule of docs/SYNC.md that is not
// the protocol itself is one of these extensions, run in this order. Order
// matters where noted.
import { createPrismaDocumentStore, type DocumentStore } from "./documentStore";
import type { CollabExtension } from "./extension";
import { AuthenticationExtension } from "./extensions/AuthenticationExtension";
import { AuthorizationExtension } from "./extensions/AuthorizationExtension";
import { CheckpointsExtension } from "./extensions/CheckpointsExtension";
import { ConnectionLimitExtension } from "./extensions/ConnectionLimitExtension";
import { DocumentEventsExtension } from "./extensions/DocumentEventsExtension";
import { EditingNowExtension } from "./extensions/EditingNowExtension";
import { KeepAliveExtension } from "./extensions/KeepAliveExtension";
import { LiveDocumentsExtension } from "./extensions/LiveDocumentsExtension";
import { NewsroomPresenceExtension } from "./extensions/NewsroomPresenceExtension";
import { PersistenceExtension } from "./extensions/PersistenceExtension";
import { PresenceStampExtension } from "./extensions/PresenceStampExtension";
import { ReadOnlyRolesExtension } from "./extensions/ReadOnlyRolesExtension";
import { SuggestionGateExtension } from "./extensions/SuggestionGateExtension";
import type { RoomLogger } from "./Room";

export type DefaultExtensionOptions = {
  authSecret: string;
  logger: RoomLogger;
  /** PostgreSQL through Prisma unless given (tests pass an in-memory store). */
  store?: DocumentStore;
  keepAliveMs?: number;
  compactAfterRows?: number;
  minSnapshotIntervalMs?: number;
};

export function defaultExtensions(options: DefaultExtensionOptions): CollabExtension[] {
  const store = options.store ?? createPrismaDocumentStore();
  return [
    // Authentication fills in who is connecting; authorization needs it.
    new AuthenticationExtension(options.authSecret),
    new AuthorizationExtension(),
    // Refuses before anything else records the connection.
    new ConnectionLimitExtension(),
    new EditingNowExtension(),
    // After EditingNow: dashboards reload once the registry holds the change.
    new NewsroomPresenceExtension(),
    new KeepAliveExtension(options.keepAliveMs),
    // The first verdict wins: read-only roles are dropped before the gate sees them.
    new ReadOnlyRolesExtension(),
    new SuggestionGateExtension(),
    new PresenceStampExtension(),
    new PersistenceExtension({
      store,
      logger: options.logger,
      compactAfterRows: options.compactAfterRows,
      minSnapshotIntervalMs: options.minSnapshotIntervalMs,
    }),
    // After persistence: a checkpoint covers what persistence stored. Versions
    // live in PostgreSQL, so only with the PostgreSQL store.
    ...(options.store ? [] : [new CheckpointsExtension(options.logger)]),
    new DocumentEventsExtension(),
    new LiveDocumentsExtension(),
  ];
}
