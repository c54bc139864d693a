// Recognising the database errors callers handle (rather than report as 500s).

/** A unique index refused the row (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
