// Mentions inside plain-text comment bodies are written @[Display Name](user:<uuid>).
// The server reads the ids from this form; the browser renders the names.
const MENTION = /@\[([^\]\n]{1,100})\]\(user:([0-9a-f-]{36})\)/g;

export type BodyPart = { kind: "text"; text: string } | { kind: "mention"; name: string; userId: string };

export function formatMention(user: { id: string; name: string }): string {
  return `@[${user.name.replace(/[\[\]\n]/g, "")}](user:${user.id})`;
}

export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((match) => match[2]!))];
}

/** Splits a body into text and mentions, for safe rendering (never as HTML). */
export function parseBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    if (match.index > last) parts.push({ kind: "text", text: body.slice(last, match.index) });
    parts.push({ kind: "mention", name: match[1]!, userId: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}
