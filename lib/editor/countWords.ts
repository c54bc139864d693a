// Word count as the newsroom counts it: whitespace-separated words of the text
// as it stands. One function for the editor's live count and stored versions.

/** Newsroom reading speed, words per minute. */
export const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
