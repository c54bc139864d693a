// The history API from the browser.
import type { AuthoredBlock, VersionComparison, VersionDetail, VersionRef, VersionSummary } from "@/lib/history/historyTypes";
import { requestJson } from "../review/reviewApi";

const base = (documentId: string) => `/api/documents/${documentId}`;

export const fetchVersions = (documentId: string) =>
  requestJson<{ versions: VersionSummary[] }>(`${base(documentId)}/versions`).then((body) => body.versions);

export const fetchVersion = (documentId: string, number: number) => requestJson<VersionDetail>(`${base(documentId)}/versions/${number}`);

export const fetchComparison = (documentId: string, from: VersionRef, to: VersionRef) =>
  requestJson<VersionComparison>(`${base(documentId)}/versions/compare?from=${from}&to=${to}`);

export const fetchAuthorship = (documentId: string) =>
  requestJson<{ blocks: AuthoredBlock[] }>(`${base(documentId)}/authorship`).then((body) => body.blocks);

export const nameVersion = (documentId: string, name: string) =>
  requestJson<VersionSummary>(`${base(documentId)}/versions`, { method: "POST", body: { name } });

export const restoreVersion = (documentId: string, number: number) =>
  requestJson<VersionSummary>(`${base(documentId)}/versions/${number}/restore`, { method: "POST" });
