// "3 minutes ago" in the reader's language, with an absolute date past a week.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

export function relativeTime(iso: string, now = Date.now()): string {
  let delta = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(delta) < 10) return "just now";
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) < size) return format.format(delta, unit);
    delta = Math.round(delta / size);
  }
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

const EXACT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** "25 Nov 2026, 16:10" in the reader's time zone: beside a relative time, for when it matters. */
export function exactTime(iso: string): string {
  return EXACT.format(new Date(iso));
}
