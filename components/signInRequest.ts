// A credential sign-in through next-auth's endpoints, done by hand rather than
// with next-auth/react's signIn(): that helper hides the response, and a
// throttled attempt's 429 and Retry-After are what the page must show.
export type SignInResult = { kind: "signed-in" } | { kind: "refused" } | { kind: "throttled"; retryAfterSeconds: number } | { kind: "failed" };

export async function requestSignIn(email: string, password: string, callbackUrl: string): Promise<SignInResult> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken ?? "", callbackUrl, json: "true" }),
  });
  if (response.status === 429) {
    const seconds = Number(response.headers.get("retry-after"));
    return { kind: "throttled", retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
  }
  if (response.status === 401) return { kind: "refused" };
  if (!response.ok) return { kind: "failed" };
  const { url } = (await response.json()) as { url?: string };
  return url && !new URL(url, window.location.origin).searchParams.has("error") ? { kind: "signed-in" } : { kind: "refused" };
}
