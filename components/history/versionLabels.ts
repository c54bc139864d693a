// How a version is named in the history list and headings.
import type { VersionSummary } from "@/lib/history/historyTypes";

const KIND_LABELS: Record<VersionSummary["kind"], string> = {
  checkpoint: "Checkpoint",
  transition: "Status change",
  named: "Named version",
  restore: "Restore",
};

export function versionTitle(version: VersionSummary): string {
  return version.name ?? "Automatic checkpoint";
}

export function versionKindLabel(version: VersionSummary): string {
  return KIND_LABELS[version.kind];
}
