"use client";

import { useState, type FormEvent } from "react";

/**
 * The email opt-out. A form with an explicit Save (not a switch that saves on
 * change), so keyboard and screen-reader users hear a result for each choice.
 */
export function EmailSettingsForm({ initialEmailNotifications, emailAvailable }: { initialEmailNotifications: boolean; emailAvailable: boolean }) {
  const [checked, setChecked] = useState(initialEmailNotifications);
  const [saved, setSaved] = useState(initialEmailNotifications);
  const [status, setStatus] = useState<{ kind: "idle" | "saving" | "saved" | "error"; message: string }>({ kind: "idle", message: "" });

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus({ kind: "saving", message: "Saving…" });
    try {
      const response = await fetch("/api/settings", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ emailNotifications: checked }),
      });
      if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${response.status}`);
      setSaved(checked);
      setStatus({ kind: "saved", message: checked ? "Saved: you will get emails." : "Saved: no more emails. Notifications stay under “For you”." });
    } catch (error) {
      setStatus({ kind: "error", message: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return (
    <form className="settings-card" onSubmit={(event) => void save(event)} aria-labelledby="email-settings-heading">
      <h2 id="email-settings-heading">Email</h2>
      {!emailAvailable && (
        <p className="settings-note" role="note">
          This server does not send email (no <code>SMTP_URL</code>): you see everything under “For you” in the editor. Your choice is kept for when it does.
        </p>
      )}
      <div className="checkbox-field">
        <input
          id="email-notifications"
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
          aria-describedby="email-notifications-help"
        />
        <label htmlFor="email-notifications">Email me about what needs me</label>
      </div>
      <p id="email-notifications-help" className="settings-help">
        When someone mentions you or assigns you a thread, when a piece is submitted for review (newsroom editors), when changes are requested on your
        piece, and when a piece you wrote or edit is published or unpublished. A busy thread sends at most one email every few minutes.
      </p>
      <div className="settings-actions">
        <button type="submit" className="button primary" disabled={status.kind === "saving" || checked === saved}>
          Save
        </button>
        <p role="status" className={status.kind === "error" ? "error-text" : "settings-status"}>
          {status.message}
        </p>
      </div>
    </form>
  );
}
