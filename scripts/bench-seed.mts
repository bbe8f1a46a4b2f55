// Part of `npm run bench` (scripts/bench.mjs runs it; not meant to be run by hand): seeds the
// database DATABASE_URL names with made-up people through the data layer, then signs some of
// them in the way the app does (a LoginSession row and the app's encrypted JWT, made with
// NEXTAUTH_SECRET, which the server under test shares). Writes what the load test needs as
// JSON to the file named by the first argument, and a maximum-size export for the import
// phase to the file named by the second.
// Runs under tsx with the react-server condition, so `server-only` imports resolve:
//   tsx --conditions=react-server scripts/bench-seed.mts <out.json> <import.json>
import fs from "node:fs";
import { startLoginSession } from "@/lib/auth/login-sessions";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_COOKIE_NAME } from "@/lib/auth/session-cookie";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { CATALOG } from "@/lib/catalog";
import { todayUtc } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { type ExportFileInput, importFileSchema } from "@/lib/data-transfer/schemas";
import { checklistItemIds } from "@/lib/progress/checklist";
import { seedPeople } from "@/lib/seed";
import { maxSizeExport } from "@/lib/seed/max-size-export";

/** Every seeded person's password (one argon2 hash, made once, shared by all of them). */
export const BENCH_PASSWORD = "ladder bench password, not a secret";

const out = process.argv[2];
const importOut = process.argv[3];
if (!out || !importOut) throw new Error("usage: bench-seed.mts <out.json> <import.json>");
const users = Number(process.env.BENCH_USERS ?? 10_000);
const sessionUsers = Math.min(users, Number(process.env.BENCH_SESSION_USERS ?? 1_000));

const passwordHash = await hashPassword(BENCH_PASSWORD);
const started = performance.now();
const { people, counts } = await seedPeople({
  count: users,
  passwordHash,
  today: todayUtc(),
  seed: 20_261_127,
  label: "bench",
  onBatch: (done) => {
    if (done % 2_500 === 0 || done === users) process.stderr.write(`[bench] seeded ${done.toLocaleString("en-US")} people\n`);
  },
});
const seedMs = performance.now() - started;

// People spread over the whole table, not the first ones only.
const step = people.length / sessionUsers;
const chosen = Array.from({ length: sessionUsers }, (_, i) => people[Math.floor(i * step)]).filter((p) => p !== undefined);
const catalogItems = checklistItemIds(CATALOG);
const sessions: { userId: string; cookie: string; itemIds: string[] }[] = [];
for (const person of chosen) {
  const { claims } = await startLoginSession(person.id, "ladder-bench");
  const token = await encodeSessionToken(claims);
  sessions.push({ userId: person.id, cookie: `${SESSION_COOKIE_NAME}=${token}`, itemIds: [...catalogItems, ...person.customCertificationIds] });
}
await getDb().$disconnect();

fs.writeFileSync(out, JSON.stringify({ seed: { ms: seedMs, counts }, sessions }));

/** The maximum-size export, checked with the import's own schema. */
async function checkedMaxSizeExport(): Promise<ExportFileInput> {
  const file = maxSizeExport();
  const parsed = await importFileSchema.safeParseAsync(file);
  if (!parsed.success) throw new Error(`the import file is not a valid export: ${parsed.error.message.slice(0, 500)}`);
  return file;
}
fs.writeFileSync(importOut, JSON.stringify(await checkedMaxSizeExport()));
process.stderr.write(`[bench] ${sessions.length.toLocaleString("en-US")} signed-in sessions ready\n`);
