"use client";

import { useState } from "react";
import type { VersionRef, VersionSummary } from "@/lib/history/historyTypes";
import { exactTime, relativeTime } from "@/lib/relativeTime";
import { versionKindLabel, versionTitle } from "./versionLabels";

/** The current text first, then every version, newest first; one is selected. */
export function VersionList(props: { versions: VersionSummary[]; selected: VersionRef; onSelect: (ref: VersionRef) => void }) {
  // Automatic checkpoints pile up over a long editing day; named versions and status changes are what people look for.
  const [showCheckpoints, setShowCheckpoints] = useState(true);
  const checkpoints = props.versions.filter((version) => version.kind === "checkpoint").length;
  const shown = showCheckpoints ? props.versions : props.versions.filter((version) => version.kind !== "checkpoint" || version.number === props.selected);
  return (
    <>
      {checkpoints > 0 && (
        <label className="version-filter muted">
          <input type="checkbox" checked={showCheckpoints} onChange={(event) => setShowCheckpoints(event.target.checked)} />
          Show automatic checkpoints ({checkpoints})
        </label>
      )}
      <ol className="version-list" aria-label="Versions">
        <li>
          <button
            type="button"
            className="version-item"
            aria-current={props.selected === "current" ? "true" : undefined}
            onClick={() => props.onSelect("current")}
          >
            <span className="version-title">Current text</span>
            <span className="muted">Who wrote what, as it stands now</span>
          </button>
        </li>
        {shown.map((version) => (
          <li key={version.number}>
            <button
              type="button"
              className={`version-item ${version.kind}`}
              aria-current={props.selected === version.number ? "true" : undefined}
              onClick={() => props.onSelect(version.number)}
            >
              <span className="version-title">
                <span className="version-number">v{version.number}</span> {versionTitle(version)}
              </span>
              <span className="muted">
                {versionKindLabel(version)}
                {version.createdBy ? ` · ${version.createdBy.name}` : ""} ·{" "}
                <time dateTime={version.createdAt} title={exactTime(version.createdAt)}>
                  {relativeTime(version.createdAt)}
                </time>
              </span>
              {version.editors.length > 0 && (
                <span className="muted">Edited by {version.editors.map((editor) => editor.name).join(", ")}</span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
