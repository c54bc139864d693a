// Where to send someone after signing in: only a path on this site. The value
// comes from the query string, so it is resolved as a browser would resolve it
// (`/\evil.example/x` is `//evil.example/x` to a browser, another host) and
// kept only if it stays on our origin: an open redirect would let a link that
// starts on our sign-in page end on someone else's.
const PLACEHOLDER_ORIGIN = "http://newsroom.invalid";

export function safeReturnPath(value: string | undefined | null): string {
  if (!value || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
