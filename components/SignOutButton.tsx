"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { removeLocalCopies } from "@/lib/sync/localCopy";

/**
 * Sign out of this browser; or of every browser and device (each session ends
 * on the server). Either way the documents this browser kept for offline
 * editing are removed first: the next person at this computer must not find them.
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function signOutHere() {
    setPending(true);
    await removeLocalCopies().catch(() => {});
    await signOut({ callbackUrl: "/signin" });
  }

  async function signOutEverywhere() {
    setPending(true);
    try {
      await fetch("/api/sessions", { method: "DELETE" });
      await removeLocalCopies().catch(() => {});
    } finally {
      // Clears this browser's cookie too (its session already ended with the others).
      await signOut({ callbackUrl: "/signin" });
    }
  }

  return (
    <>
      <button type="button" className="button ghost" disabled={pending} onClick={() => void signOutHere()}>
        Sign out
      </button>
      <button type="button" className="button ghost" disabled={pending} onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </button>
    </>
  );
}
