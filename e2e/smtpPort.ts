// Where the e2e server sends email (SMTP_URL in playwright.config.ts) and
// e2e/email.spec.ts listens with a real SMTP server; before and after that
// spec nothing listens, and the server's retries fail quietly.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 25);
