"use client";

import type { VersionRef, VersionSummary } from "@/lib/history/historyTypes";
import { relativeTime } from "@/lib/relativeTime";
import { exactTime, versionKindLabel, versionTitle } from "./versionLabels";

/** The current text first, then every version, newest first; one is selected. */
export function VersionList(props: { versions: VersionSummary[]; selected: VersionRef; onSelect: (ref: VersionRef) => void }) {
  return (
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
      {props.versions.map((version) => (
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
  );
}
