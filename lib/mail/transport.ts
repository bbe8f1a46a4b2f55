import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { dataDir, getEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/templates";

// Mail goes through SMTP_URL when it is set; otherwise each message is written as an .eml
// file under data/outbox/ (the embedded default: a fresh clone can open a reset link from it).

export type OutgoingMail = MailContent & { to: string; headers?: Record<string, string> };

type Transporter = ReturnType<typeof nodemailer.createTransport>;
type TransportHolder = { transporter?: Transporter; key?: string };
const holder = globalThis as typeof globalThis & { __ladderMail?: TransportHolder };

function transporter(): { transporter: Transporter; smtp: boolean } {
  holder.__ladderMail ??= {};
  const state = holder.__ladderMail;
  const url = getEnv().SMTP_URL ?? "";
  if (!state.transporter || state.key !== url) {
    state.transporter?.close();
    state.transporter = url
      ? // Short timeouts: when SMTP is away, a send fails (and is retried later) within seconds, not minutes.
        nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    state.key = url;
  }
  return { transporter: state.transporter, smtp: url !== "" };
}

export function outboxDir(): string {
  return path.join(dataDir(), "outbox");
}

/** Sends one mail; rejects when the SMTP server refuses or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { transporter: transport, smtp } = transporter();
  const info = await transport.sendMail({
    from: getEnv().MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
  });
  if (smtp) return;
  const message = (info as { message?: Buffer | string }).message;
  const dir = outboxDir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.eml`);
  fs.writeFileSync(file, message ?? "", { mode: 0o600 });
  console.info(`[ladder] No SMTP_URL set: mail "${mail.subject}" written to ${file}`);
}
