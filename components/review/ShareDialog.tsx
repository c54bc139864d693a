"use client";

import { useEffect, useRef, useState } from "react";
import type { MemberView } from "@/lib/review/reviewTypes";
import { requestJson, type DirectoryUser } from "./reviewApi";
import { ErrorMessage } from "../ErrorMessage";
import { grantableRoles, isGrantAllowed, roleOnAdding } from "@/lib/review/grantableRoles";

const NEWSROOM_ROLE_LABELS: Record<string, string> = { admin: "newsroom admin", editor: "newsroom editor", analyst: "analyst", viewer: "newsroom viewer" };

const ROLES = [
  { value: "viewer", label: "Viewer — reads" },
  { value: "commenter", label: "Commenter — reads and comments" },
  { value: "suggester", label: "Suggester — comments and suggests edits" },
  { value: "editor", label: "Editor — does everything" },
] as const;

/** Who has access to the document, and with which role. Editors only. */
export function ShareDialog({ documentId, currentUserId, onClose }: { documentId: string; currentUserId: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [members, setMembers] = useState<MemberView[]>([]);
  const [users, setUsers] = useState<DirectoryUser[]>([]);
  const [adding, setAdding] = useState("");
  const [error, setError] = useState<string | null>(null);
  const base = `/api/documents/${documentId}/members`;

  useEffect(() => {
    dialog.current?.showModal();
    void requestJson<{ members: MemberView[] }>(base).then(({ members: loaded }) => setMembers(loaded), (cause: Error) => setError(cause.message));
    void requestJson<{ users: DirectoryUser[] }>("/api/users").then(({ users: loaded }) => setUsers(loaded), () => {});
  }, [base]);

  async function change(action: () => Promise<{ members: MemberView[] }>) {
    setError(null);
    try {
      setMembers((await action()).members);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not change access");
    }
  }

  const addingUser = users.find((user) => user.id === adding);
  const candidates = users.filter((user) => !members.some((member) => member.user.id === user.id));
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share this document</h2>
      <ul className="member-list">
        {members.map((member) => (
          <li key={member.user.id}>
            <span>
              <strong>{member.user.name}</strong> <span className="muted">{member.user.email ?? NEWSROOM_ROLE_LABELS[member.user.newsroomRole]}</span>
            </span>
            <select
              className="input small"
              aria-label={`Role of ${member.user.name}`}
              value={member.role}
              disabled={grantableRoles(member.user.newsroomRole).length < 2}
              onChange={(event) => void change(() => requestJson(`${base}/${member.user.id}`, { method: "PUT", body: { role: event.target.value } }))}
            >
              {ROLES.filter((role) => isGrantAllowed(member.user.newsroomRole, role.value)).map((role) => (
                <option key={role.value} value={role.value}>
                  {role.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${member.user.name}`}
              disabled={member.user.id === currentUserId && members.filter((m) => m.role === "editor").length < 2}
              onClick={() => void change(() => requestJson(`${base}/${member.user.id}`, { method: "DELETE" }))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="toolbar-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (adding) void change(() => requestJson(`${base}/${adding}`, { method: "PUT", body: { role: roleOnAdding(addingUser?.role ?? "") } })).then(() => setAdding(""));
        }}
      >
        <label className="visually-hidden" htmlFor="share-add">
          Add a person
        </label>
        <select id="share-add" className="input" value={adding} onChange={(event) => setAdding(event.target.value)}>
          <option value="">Add a person…</option>
          {candidates.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name} ({user.email ?? NEWSROOM_ROLE_LABELS[user.role] ?? user.role})
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={!adding}>
          {addingUser ? `Add as ${roleOnAdding(addingUser.role)}` : "Add"}
        </button>
      </form>
      <ErrorMessage message={error} />
      <div className="composer-actions">
        <button type="button" className="button primary" onClick={() => dialog.current?.close()}>
          Done
        </button>
      </div>
    </dialog>
  );
}
