// `npm run reminders [-- --date YYYY-MM-DD]`: one reminder pass (renewals, weekly digest).
// Safe to run from cron on every instance at once: each reminder is sent once. `--date`
// computes as of that day for everyone (tests, catching up); without it each person's day is
// today in their own time zone. Exits 1 when some mail could not be sent (it stays pending).
// Runs under tsx with the react-server condition, so `server-only` imports resolve.
import { getDb } from "@/lib/db";
import { runReminderPass } from "@/lib/reminders/pass";

const args = process.argv.slice(2);
const dateIndex = args.indexOf("--date");
const date = dateIndex >= 0 ? args[dateIndex + 1] : undefined;
if (dateIndex >= 0 && !(date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) {
  console.error("usage: npm run reminders [-- --date YYYY-MM-DD]");
  process.exit(2);
}

const result = await runReminderPass(date ? { date } : {});
console.info(
  `[ladder] reminders${date ? ` as of ${date}` : ""}: ${result.sent} sent, ${result.failed} failed (left for the next pass), ${result.alreadyHandled} already sent by another pass`,
);
await getDb().$disconnect();
process.exit(result.failed > 0 ? 1 : 0);
