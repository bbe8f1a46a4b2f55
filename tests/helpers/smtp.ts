// A real SMTP server on loopback for tests: it keeps every mail it receives, parsed, so a
// test can read the mails the app sent and follow their links.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = ParsedMail & { to: string; raw: string };

export type TestSmtp = {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first mail (already received or still to come) matching `match`. */
  waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Stops listening (the server is "down") until start() is called again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

export function firstLink(mail: ReceivedMail, pathname: string): string {
  const links = (mail.text ?? "").match(/https?:\/\/\S+/g) ?? [];
  const link = links.find((candidate) => new URL(candidate).pathname === pathname);
  if (!link) throw new Error(`no ${pathname} link in mail "${mail.subject}": ${mail.text}`);
  return link;
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const waiters: { match: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];
  let server: SMTPServer;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          const mail = Object.assign(parsed, { to: session.envelope.rcptTo.map((r) => r.address).join(", "), raw }) as ReceivedMail;
          mails.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.match(mail)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          callback();
        });
      },
    });

  let boundPort = port;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = create();
      server.on("error", () => {});
      server.server.once("error", reject);
      server.listen(boundPort, "127.0.0.1", () => {
        boundPort = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await start();

  return {
    port: boundPort,
    url: `smtp://127.0.0.1:${boundPort}`,
    mails,
    waitForMail(match, timeoutMs = 15_000) {
      const found = mails.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching mail within ${timeoutMs} ms (got ${mails.length})`)), timeoutMs);
        waiters.push({
          match,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start,
  };
}

/** A header's raw value as sent (mailparser turns List-* headers into objects). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]*/g, "").trim();
}
