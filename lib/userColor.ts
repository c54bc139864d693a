// A stable, readable caret colour per user, derived from the user id so every
// browser shows a collaborator in the same colour without storing it.
const PALETTE = [
  "#d1495b", "#00798c", "#edae49", "#30638e", "#6a4c93",
  "#2a9d8f", "#e76f51", "#8a5a44", "#3d5a80", "#b5179e",
] as const;

export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}
