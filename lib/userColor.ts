// A stable, readable caret colour per user, derived from the user id so every
// browser shows a collaborator in the same colour without storing it. Every
// colour carries white initials (avatars, caret labels) at 4.5:1 or more
// (WCAG 2.1 AA); the lightest three of the first palette did not.
const PALETTE = [
  "#c03a4e", "#00798c", "#9a5b00", "#30638e", "#6a4c93",
  "#1b776d", "#b9401c", "#8a5a44", "#3d5a80", "#b5179e",
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
