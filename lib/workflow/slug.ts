// URL slugs for published pieces: lowercase ASCII words joined by hyphens,
// derived from the headline (Türkiye → turkiye, Dolmabahçe → dolmabahce).
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 80;

// Letters that Unicode decomposition does not reduce to ASCII.
const SPECIAL: Record<string, string> = { ı: "i", ß: "ss", æ: "ae", ø: "o", œ: "oe", đ: "d", ł: "l", þ: "th" };

export function slugify(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/[ıßæøœđłþ]/g, (char) => SPECIAL[char] ?? char)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    // "Erdoğan's" → "erdogans", not "erdogan-s".
    .replace(/['’]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a word boundary rather than mid-word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}
