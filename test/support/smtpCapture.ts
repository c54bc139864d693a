// A real SMTP server (the `smtp-server` package) for tests: it accepts every
// message on a local port and keeps it, parsed, so a test can check who got
// what. `refusing` makes it answer 451 (try again later) to exercise retries.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedEmail = { recipients: string[]; from: string; subject: string; text: string; html: string };

export type SmtpCapture = {
  url: string;
  port: number;
  messages: CapturedEmail[];
  /** While true, every message is refused with a temporary error. */
  refusing: boolean;
  refusedCount: number;
  close: () => Promise<void>;
};

export async function startSmtpCapture(port = 0): Promise<SmtpCapture> {
  const capture: Omit<SmtpCapture, "url" | "port" | "close"> = { messages: [], refusing: false, refusedCount: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (capture.refusing) {
            capture.refusedCount += 1;
            const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
            return callback(error);
          }
          capture.messages.push({
            recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: typeof session.envelope.mailFrom === "object" && session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port;
  return Object.assign(capture, {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpCapture;
}
