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
import { CATALOG, type ItemStatus } from "@/lib/catalog";
import { MAX_CUSTOM_CERTIFICATIONS } from "@/lib/certifications/schemas";
import { todayUtc } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { type ExportFileInput, EXPORT_FORMAT, EXPORT_VERSION, IMPORT_MAX_BYTES, IMPORT_MAX_HISTORY, importFileSchema } from "@/lib/data-transfer/schemas";
import { checklistItemIds } from "@/lib/progress/checklist";
import { seedPeople } from "@/lib/seed";

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

/**
 * An export as large as an import takes: the most certifications of one's own, a row with a
 * note for every checklist item, and IMPORT_MAX_HISTORY history events whose notes fill the
 * file to just under IMPORT_MAX_BYTES. Checked with the import's own schema.
 */
async function maxSizeExport(): Promise<ExportFileInput> {
  const statuses: ItemStatus[] = ["todo", "in_progress", "done", "skipped"];
  const certificationIds = Array.from({ length: MAX_CUSTOM_CERTIFICATIONS }, (_, i) => `custom-bench-${i}`);
  const itemIds = [...catalogItems, ...certificationIds];
  const file: ExportFileInput = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    user: { name: "Bench import", trackId: null },
    progress: itemIds.map((itemId, i) => ({
      itemId,
      status: "in_progress",
      completedOn: null,
      expiresOn: null,
      note: `Notes on item ${i}: ${"working through it step by step. ".repeat(30)}`.trim(),
      evidenceUrl: `https://example.com/evidence/${i}`,
      targetOn: null,
      updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    })),
    customCertifications: certificationIds.map((id, i) => ({ id, title: `Certification ${i} of my own`, issuer: "Bench issuer" })),
    history: [],
    plan: { targetRungId: "senior-mle", targetDate: null },
  };
  const event = (i: number, noteChars: number): ExportFileInput["history"][number] => {
    const from = statuses[i % 4] as ItemStatus;
    const to = statuses[(i + 1) % 4] as ItemStatus;
    return {
      itemId: itemIds[i % itemIds.length] as string,
      fromStatus: from,
      toStatus: to,
      changes: { status: [from, to], note: [null, `Step ${i}: ${"x".repeat(noteChars)}`] },
      createdAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
    };
  };
  const left = IMPORT_MAX_BYTES - Buffer.byteLength(JSON.stringify(file));
  const perEvent = Math.floor(left / IMPORT_MAX_HISTORY);
  const skeleton = Buffer.byteLength(JSON.stringify(event(IMPORT_MAX_HISTORY, 0))) + 1;
  file.history = Array.from({ length: IMPORT_MAX_HISTORY }, (_, i) => event(i, perEvent - skeleton - 8));
  const bytes = Buffer.byteLength(JSON.stringify(file));
  if (bytes > IMPORT_MAX_BYTES) throw new Error(`the import file is ${bytes} bytes, more than ${IMPORT_MAX_BYTES}`);
  const parsed = await importFileSchema.safeParseAsync(file);
  if (!parsed.success) throw new Error(`the import file is not a valid export: ${parsed.error.message.slice(0, 500)}`);
  return file;
}
fs.writeFileSync(importOut, JSON.stringify(await maxSizeExport()));
process.stderr.write(`[bench] ${sessions.length.toLocaleString("en-US")} signed-in sessions ready\n`);
