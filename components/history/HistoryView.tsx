"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { AuthoredBlock, VersionComparison, VersionDetail, VersionRef, VersionSummary } from "@/lib/history/historyTypes";
import { ErrorMessage } from "../ErrorMessage";
import { AuthorshipView } from "./AuthorshipView";
import { fetchAuthorship, fetchComparison, fetchVersion, fetchVersions } from "./historyApi";
import { HistoryText } from "./HistoryText";
import { NameVersionForm } from "./NameVersionForm";
import { RestoreVersionDialog } from "./RestoreVersionDialog";
import { VersionList } from "./VersionList";
import { exactTime } from "@/lib/relativeTime";
import { versionKindLabel, versionTitle } from "./versionLabels";

type Pane =
  | { kind: "loading" }
  | { kind: "authorship"; blocks: AuthoredBlock[] }
  | { kind: "version"; detail: VersionDetail }
  | { kind: "comparison"; comparison: VersionComparison };

export type HistoryViewProps = {
  documentId: string;
  title: string;
  canName: boolean;
  canRestore: boolean;
  /** From the URL: what to show first. */
  initialSelected: VersionRef;
  initialCompareWith: VersionRef | null;
  /** Content hash of the approval in force: `compare=approved` opens the approved version against the current text. */
  approvedContentHash: string | null;
  compareApproved: boolean;
};

/** Versions on the left; the selected one (or a comparison, or who wrote what) on the right. */
export function HistoryView(props: HistoryViewProps) {
  const pathname = usePathname();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [selected, setSelected] = useState<VersionRef>(props.initialSelected);
  const [compareWith, setCompareWith] = useState<VersionRef | null>(props.initialCompareWith);
  const [pane, setPane] = useState<Pane>({ kind: "loading" });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);

  const loadVersions = useCallback(async () => {
    const loaded = await fetchVersions(props.documentId);
    setVersions(loaded);
    return loaded;
  }, [props.documentId]);

  useEffect(() => {
    void loadVersions().then(
      (loaded) => {
        if (!props.compareApproved) return;
        const approved = loaded.find((version) => version.contentHash === props.approvedContentHash);
        if (approved) select(approved.number, "current");
        else setError("The approved version is not in the history (it was approved before versions were kept).");
      },
      (cause: Error) => setError(cause.message),
    );
    // Once per document: the approved version is resolved when the list first arrives.
  }, [loadVersions, props.compareApproved, props.approvedContentHash]);

  // Whatever is selected is loaded into the pane; the URL follows so a view can be shared.
  useEffect(() => {
    let cancelled = false;
    setPane({ kind: "loading" });
    setError(null);
    const load = async (): Promise<Pane> => {
      if (compareWith !== null && compareWith !== selected) {
        const [from, to] = orderRefs(selected, compareWith);
        return { kind: "comparison", comparison: await fetchComparison(props.documentId, from, to) };
      }
      if (selected === "current") return { kind: "authorship", blocks: await fetchAuthorship(props.documentId) };
      return { kind: "version", detail: await fetchVersion(props.documentId, selected) };
    };
    load().then(
      (loaded) => !cancelled && setPane(loaded),
      (cause: Error) => !cancelled && setError(cause.message),
    );
    const query = new URLSearchParams();
    if (selected !== "current") query.set("version", String(selected));
    if (compareWith !== null) query.set("compare", String(compareWith));
    // The browser's own replaceState (which Next keeps in step with its router): a router
    // navigation would re-render the page on the server for every click in the list.
    window.history.replaceState(null, "", query.size > 0 ? `${pathname}?${query}` : pathname);
    return () => {
      cancelled = true;
    };
  }, [props.documentId, selected, compareWith, pathname]);

  function select(ref: VersionRef, compare: VersionRef | null = null) {
    setNotice(null);
    setSelected(ref);
    setCompareWith(compare);
  }

  const selectedVersion = versions?.find((version) => version.number === selected) ?? null;
  return (
    <main id="main" className="history-shell">
      <div className="editor-topbar">
        <Link href={`/documents/${props.documentId}`} className="back-link">
          ← Back to the document
        </Link>
      </div>
      <h1 className="history-heading">
        History <span className="muted">— {props.title}</span>
      </h1>
      <div className="history-layout">
        <aside className="history-sidebar" aria-label="Version history">
          {props.canName && <NameVersionForm documentId={props.documentId} onNamed={(version) => void loadVersions().then(() => select(version.number))} />}
          {versions === null ? <p className="muted">Loading versions…</p> : <VersionList versions={versions} selected={selected} onSelect={(ref) => select(ref)} />}
        </aside>
        <section className="history-pane" aria-label="Selected version" aria-busy={pane.kind === "loading"}>
          <div className="history-pane-header">
            <h2>{selected === "current" ? "Current text" : selectedVersion ? `Version ${selectedVersion.number}: ${versionTitle(selectedVersion)}` : `Version ${selected}`}</h2>
            {selectedVersion && (
              <p className="muted">
                {versionKindLabel(selectedVersion)}
                {selectedVersion.createdBy ? ` by ${selectedVersion.createdBy.name}` : ""} · {exactTime(selectedVersion.createdAt)} ·{" "}
                {selectedVersion.wordCount.toLocaleString("en")} words
              </p>
            )}
            <div className="toolbar-row">
              <label htmlFor="compare-with">Compare with</label>
              <select
                id="compare-with"
                className="input small"
                value={compareWith === null ? "" : String(compareWith)}
                onChange={(event) => setCompareWith(parseRef(event.target.value))}
              >
                <option value="">Nothing — show this text</option>
                {selected !== "current" && <option value="current">Current text</option>}
                {versions
                  ?.filter((version) => version.number !== selected)
                  .map((version) => (
                    <option key={version.number} value={version.number}>
                      v{version.number} — {versionTitle(version)}
                    </option>
                  ))}
              </select>
              {props.canRestore && selectedVersion && (
                <button type="button" className="button small" onClick={() => setRestoring(selectedVersion)}>
                  Restore this version
                </button>
              )}
            </div>
            {notice && (
              <p className="notice" role="status">
                {notice}
              </p>
            )}
            <ErrorMessage message={error} />
          </div>
          <PaneBody pane={pane} />
        </section>
      </div>
      {restoring && (
        <RestoreVersionDialog
          documentId={props.documentId}
          version={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(version) => {
            void loadVersions().then(() => {
              select(version.number);
              setNotice(`Version ${restoring.number} restored: the document now has its text (saved as version ${version.number}).`);
            });
          }}
        />
      )}
    </main>
  );
}

function PaneBody({ pane }: { pane: Pane }) {
  switch (pane.kind) {
    case "loading":
      return <p className="muted">Loading…</p>;
    case "authorship":
      return <AuthorshipView blocks={pane.blocks} />;
    case "version":
      return <HistoryText html={pane.detail.html} label={`Text of version ${pane.detail.number}`} />;
    case "comparison": {
      const { comparison } = pane;
      return (
        <>
          <p className="comparison-legend muted" role="status">
            {refLabel(comparison.from)} → {refLabel(comparison.to)}: {comparison.insertions} insertion{comparison.insertions === 1 ? "" : "s"},{" "}
            {comparison.deletions} deletion{comparison.deletions === 1 ? "" : "s"}. <ins className="diff-insert">Inserted</ins> text names who typed it
            (hover); <del className="diff-delete">deleted</del> text is struck through.
          </p>
          <HistoryText html={comparison.html} label={`Changes from ${refLabel(comparison.from)} to ${refLabel(comparison.to)}`} />
        </>
      );
    }
  }
}

/** Older first: versions by number, the current text last. */
function orderRefs(a: VersionRef, b: VersionRef): [VersionRef, VersionRef] {
  if (a === "current") return [b, a];
  if (b === "current") return [a, b];
  return a < b ? [a, b] : [b, a];
}

function parseRef(value: string): VersionRef | null {
  if (value === "") return null;
  return value === "current" ? "current" : Number(value);
}

const refLabel = (ref: VersionRef) => (ref === "current" ? "current text" : `version ${ref}`);
