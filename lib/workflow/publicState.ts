// What readers get at a piece's public address now, as the editor's bar shows it.
export type PublicState =
  | { kind: "never_published" }
  /** `/p/<slug>` answers 200 with this version. */
  | { kind: "live"; version: number; url: string; since: string }
  /** A version waits for its time (embargo); `live` is what readers get until then, if anything. */
  | { kind: "scheduled"; version: number; publishAt: string; live: { version: number; url: string } | null }
  /** `/p/<slug>` answers 410 Gone. */
  | { kind: "unpublished"; at: string; by: string | null; reason: string | null };
