"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Sign out of this browser; or of every browser and device (each session ends on the server). */
export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function signOutEverywhere() {
    setPending(true);
    try {
      await fetch("/api/sessions", { method: "DELETE" });
    } finally {
      // Clears this browser's cookie too (its session already ended with the others).
      await signOut({ callbackUrl: "/signin" });
    }
  }

  return (
    <>
      <button type="button" className="button ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
        Sign out
      </button>
      <button type="button" className="button ghost" disabled={pending} onClick={() => void signOutEverywhere()}>
        Sign out everywhere
      </button>
    </>
  );
}
