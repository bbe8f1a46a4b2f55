import { afterAll } from "vitest";
import type { TestSmtp } from "./smtp";

/** A route handler as the mail tests call it. */
export type Handler = (request: Request, context: never) => Promise<Response>;

/** After the file: let queued mail go out, stop the SMTP server and unset the mail settings. */
export function stopSmtpAfterAll(smtp: TestSmtp): void {
  afterAll(async () => {
    const { settleBackgroundWork } = await import("@/lib/mail/background");
    await settleBackgroundWork();
    await smtp.stop();
    // The worker may run other test files next: they mail to data/outbox/ as before.
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  });
}
