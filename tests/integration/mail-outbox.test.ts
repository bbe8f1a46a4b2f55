import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { POST as requestReset } from "@/app/api/auth/password-reset/route";
import { POST as confirmReset } from "@/app/api/auth/password-reset/confirm/route";
import { settleBackgroundWork } from "@/lib/mail/background";
import { outboxDir } from "@/lib/mail/transport";
import { authedRequest, createSignedInUser, randomIp, signIn, strongPassword } from "../helpers/auth";

// The embedded default: with no SMTP_URL every mail is an .eml file under data/outbox/, and the
// log names it, so a fresh clone can follow a reset link from the file.
describe("mail without SMTP_URL", () => {
  it("writes the reset mail to data/outbox/, logs where, and its link works", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    const { user } = await createSignedInUser();
    await settleBackgroundWork();
    const info = vi.spyOn(console, "info");
    try {
      const response = await requestReset(authedRequest("/api/auth/password-reset", { method: "POST", ip: randomIp(), body: JSON.stringify({ email: user.email }) }), {});
      expect(response.status).toBe(202);
      await settleBackgroundWork();
      const logged = info.mock.calls.map((call) => call.join(" ")).find((line) => line.includes("Reset your Ladder password"));
      expect(logged).toBeDefined();
      const file = /written to (\S+\.eml)/.exec(logged as string)?.[1] as string;
      expect(path.dirname(file)).toBe(outboxDir());
      const mail = await simpleParser(fs.readFileSync(file));
      expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe(user.email);
      const link = /http:\/\/localhost:3000\/reset-password\?token=\S+/.exec(mail.text ?? "")?.[0] as string;
      expect(logged, "the log never carries the token").not.toContain(new URL(link).searchParams.get("token"));
      const password = strongPassword();
      const confirmed = await confirmReset(
        authedRequest("/api/auth/password-reset/confirm", { method: "POST", body: JSON.stringify({ token: new URL(link).searchParams.get("token"), password }) }),
        {},
      );
      expect(confirmed.status).toBe(200);
      expect((await signIn(user.email, password)).cookie).not.toBeNull();
    } finally {
      info.mockRestore();
      await settleBackgroundWork();
    }
  });
});
