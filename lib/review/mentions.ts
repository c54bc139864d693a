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

/**
 * The comment box shows mentions as names ("@Daniel Okafor"), never as markup.
 * It keeps the text as shown plus the people chosen from the @ list; the markup
 * is written only when the comment is sent.
 */
export type ChosenMention = { name: string; userId: string };

/** Markup (a stored comment, to edit) → the text as shown and its mentions. */
export function markupToDisplay(body: string): { text: string; mentions: ChosenMention[] } {
  const mentions: ChosenMention[] = [];
  const text = parseBody(body)
    .map((part) => {
      if (part.kind === "text") return part.text;
      if (!mentions.some((mention) => mention.userId === part.userId)) mentions.push({ name: part.name, userId: part.userId });
      return `@${part.name}`;
    })
    .join("");
  return { text, mentions };
}

/** Where each chosen mention stands in the shown text (longest names first, so "@Ann Lee" wins over "@Ann"). */
export function displaySegments(text: string, mentions: ChosenMention[]): BodyPart[] {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  const parts: BodyPart[] = [];
  let plain = "";
  for (let index = 0; index < text.length; ) {
    const found = text[index] === "@" ? byLength.find((mention) => text.startsWith(`@${mention.name}`, index) && !isNameChar(text[index + mention.name.length + 1])) : undefined;
    if (!found) {
      plain += text[index];
      index++;
      continue;
    }
    if (plain) parts.push({ kind: "text", text: plain });
    plain = "";
    parts.push({ kind: "mention", name: found.name, userId: found.userId });
    index += found.name.length + 1;
  }
  if (plain) parts.push({ kind: "text", text: plain });
  return parts;
}

/** The shown text → the stored markup: each chosen mention still intact becomes @[Name](user:id). */
export function displayToMarkup(text: string, mentions: ChosenMention[]): string {
  return displaySegments(text, mentions)
    .map((part) => (part.kind === "text" ? part.text : formatMention({ id: part.userId, name: part.name })))
    .join("");
}

/** A mention whose name was typed into ("@Daniel Okaforx") is no longer one. */
const isNameChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_-]/u.test(char);

/** At most `length` characters of a body, never cutting a mention's markup in half. */
export function excerptOf(body: string, length: number): string {
  if (body.length <= length) return body;
  let end = length;
  for (const match of body.matchAll(MENTION)) {
    if (match.index >= length) break;
    if (match.index + match[0].length > length) end = match.index;
  }
  return body.slice(0, end);
}
