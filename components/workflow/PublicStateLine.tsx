"use client";

import { exactTime, relativeTime } from "@/lib/relativeTime";
import type { PublicState } from "@/lib/workflow/publicState";

/**
 * What readers get at the piece's address now: live (with a link), scheduled,
 * or unpublished (with who and why, and no link: it would answer 410).
 */
export function PublicStateLine({ state }: { state: PublicState }) {
  if (state.kind === "never_published") return null;
  if (state.kind === "live") {
    return (
      <span className="public-state live" role="status" aria-label="Public page">
        <span className="public-state-dot" aria-hidden="true" />
        Live since {relativeTime(state.since)} ·{" "}
        <a href={state.url} target="_blank" rel="noopener">
          View published page (v{state.version})
        </a>
      </span>
    );
  }
  if (state.kind === "scheduled") {
    return (
      <span className="public-state scheduled" role="status" aria-label="Public page">
        Version {state.version} scheduled for <time dateTime={state.publishAt}>{exactTime(state.publishAt)}</time>
        {state.live ? (
          <>
            {" · until then "}
            <a href={state.live.url} target="_blank" rel="noopener">
              version {state.live.version} is live
            </a>
          </>
        ) : (
          " · not public until then"
        )}
      </span>
    );
  }
  return (
    <span className="public-state unpublished" role="status" aria-label="Public page">
      Unpublished{state.by ? ` by ${state.by}` : ""} · <time dateTime={state.at} title={exactTime(state.at)}>{relativeTime(state.at)}</time> · readers get
      “no longer available”
      {state.reason && <> · Reason: {state.reason}</>}
    </span>
  );
}
