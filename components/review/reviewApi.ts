// Small fetch helpers for the review API: JSON in, JSON out, errors as Error(message).
export async function requestJson<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const payload = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(payload.error ?? `Request failed (HTTP ${response.status})`);
  return payload;
}

/** `email` only for newsroom editors and admins (who manage accounts); others see names and colours. */
export type DirectoryUser = { id: string; name: string; email?: string; role: string; color: string };
