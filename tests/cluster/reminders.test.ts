import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { type Cluster, createDatabase, queryDatabase, startCluster, uniqueEmail } from "./harness";

// Three instances with REMINDERS_INTERVAL_MINUTES=1 each run a first pass 5-15 s after start
// and one every minute after: every due reminder still reaches the person once.
let smtp: TestSmtp;
let cluster: Cluster;
let databaseUrl: string;
let readyAt: number;
const today = new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A person with a confirmed address, a certification expiring in 30 days and an item due in 7. */
async function dueReminders(name: string): Promise<{ id: string; email: string }> {
  const id = crypto.randomUUID();
  const email = uniqueEmail(name.toLowerCase());
  await queryDatabase(databaseUrl, `INSERT INTO "User" (id, email, "emailVerified", name, "updatedAt") VALUES ($1, $2, now(), $3, now())`, [id, email, name]);
  await queryDatabase(
    databaseUrl,
    `INSERT INTO "Progress" (id, "userId", "itemId", status, "completedOn", "expiresOn", "targetOn", "updatedAt") VALUES
       ($1, $2, 'aws-certified-machine-learning', 'done', '2024-01-01', $3, NULL, now()),
       ($4, $2, 'google-professional-machine-learning-engineer', 'in_progress', NULL, NULL, $5, now())`,
    [crypto.randomUUID(), id, inDays(30), crypto.randomUUID(), inDays(7)],
  );
  return { id, email };
}

const mailsTo = (email: string) => smtp.mails.filter((mail) => mail.to === email);

async function remindersOf(userId: string) {
  return queryDatabase<{ kind: string; status: string; attempts: number }>(databaseUrl, `SELECT kind, status, attempts FROM "Reminder" WHERE "userId" = $1 ORDER BY kind`, [userId]);
}

async function waitForMails(email: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (mailsTo(email).length < count) {
    if (Date.now() > deadline) throw new Error(`${mailsTo(email).length} of ${count} mails to ${email} within ${timeoutMs} ms`);
    await sleep(250);
  }
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  // The schema and the first person are in place before the instances start, so their first
  // passes find reminders due and race for them.
  databaseUrl = await createDatabase("reminders");
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "pipe" });
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  await smtp?.stop();
});

describe("reminders with three instances, the interval set on all of them", () => {
  it("sends each due reminder once, on the first passes and on the interval passes", async () => {
    const first = await dueReminders("Ada");
    cluster = await startCluster({
      label: "reminders",
      count: 3,
      basePort: 3322,
      nginxPort: 3394,
      databaseUrl,
      env: { SMTP_URL: smtp.url, REMINDERS_INTERVAL_MINUTES: "1", NEXTAUTH_URL: "http://127.0.0.1:3394" },
    });
    readyAt = Date.now();

    // The first passes: a renewal (30 days), a target date (7 days) and the weekly digest.
    await waitForMails(first.email, 3, 30_000);
    // A second person once every first pass is over (each instance's first pass starts at
    // most 15 s after it starts): only the passes a minute after start can send theirs.
    await sleep(Math.max(0, readyAt + 17_000 - Date.now()));
    const second = await dueReminders("Brian");
    await waitForMails(second.email, 3, 75_000);
    // Past every instance's interval pass (a minute after it started) and a little more.
    await sleep(Math.max(5_000, readyAt + 72_000 - Date.now()));

    for (const person of [first, second]) {
      const subjects = mailsTo(person.email).map((mail) => mail.subject ?? "");
      expect(subjects, person.email).toHaveLength(3);
      expect(new Set(subjects).size).toBe(3);
      expect(subjects.filter((subject) => subject === "AWS Certified Machine Learning expires in 30 days")).toHaveLength(1);
      const rows = await remindersOf(person.id);
      expect(rows.map((row) => row.kind)).toEqual(["digest", "renewal", "target"]);
      for (const row of rows) expect(row).toMatchObject({ status: "sent", attempts: 1 });
    }
    // Every reminder mail went to one of the two people: none was sent twice to anyone.
    expect(smtp.mails).toHaveLength(6);
  }, 150_000);
});
