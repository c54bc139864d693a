import type { ConnectionState } from "./collabSession";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting… your edits are kept",
  offline: "Offline — edits will sync when you reconnect",
  "signed-out": "Signed out — sign in again to keep editing",
  "no-access": "No access to this document",
};

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <span className={`connection ${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
