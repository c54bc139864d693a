// Dates as readers see them on public pages: in UTC, the newsroom's clock.
const DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" } as const;

export const formatDate = (date: Date) => date.toLocaleDateString("en-GB", DATE);

export const formatTime = (date: Date) => `${date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;

export const formatDateTime = (date: Date) => `${formatDate(date)}, ${formatTime(date)}`;

export const sameUtcDay = (a: Date, b: Date) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
