"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { formatWait } from "@/lib/formatWait";
import { ErrorMessage } from "./ErrorMessage";
import { requestSignIn } from "./signInRequest";

export function SignInForm({ returnTo, showDemoHint }: { returnTo: string; showDemoHint: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // When a throttled account may try again (ms since epoch), and the seconds left, counted down.
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);

  useEffect(() => {
    if (retryAt === null) return;
    const tick = () => {
      const left = Math.ceil((retryAt - Date.now()) / 1000);
      if (left <= 0) {
        setRetryAt(null);
        setError(null);
      }
      setSecondsLeft(Math.max(0, left));
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await requestSignIn(String(form.get("email") ?? ""), String(form.get("password") ?? ""), returnTo);
      switch (result.kind) {
        case "signed-in":
          router.replace(returnTo);
          router.refresh();
          return;
        case "refused":
          setError("That email and password don't match an account. Check both and try again.");
          return;
        case "throttled":
          setRetryAt(Date.now() + result.retryAfterSeconds * 1000);
          return;
        case "failed":
          setError("Signing in is unavailable right now. Try again in a moment.");
          return;
      }
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const throttled = retryAt !== null;
  const message = throttled ? `Too many sign-in attempts. Try again in ${formatWait(secondsLeft)}.` : error;
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={message ? "signin-error" : undefined}>
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" className="input" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required />
      </div>
      <ErrorMessage id="signin-error" message={message} />
      <button type="submit" className="button primary" disabled={pending || throttled}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {showDemoHint && (
        <p className="demo-hint">
          Demo: <code>analyst1@newsroom.test</code>, <code>analyst2@newsroom.test</code>, <code>editor@newsroom.test</code> or{" "}
          <code>viewer@newsroom.test</code>, password <code>newsroom-demo</code>.
        </p>
      )}
    </form>
  );
}
