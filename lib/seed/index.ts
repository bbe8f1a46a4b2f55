import "server-only";
import { type Db, getDatabaseConfig, getDb, type Tx } from "@/lib/db";
import { createRandom, generateSeedPerson, type SeedPerson } from "./generate";

export { createRandom, generateSeedPerson, type SeedPerson } from "./generate";

// Bulk creation of made-up people for load tests and demos (npm run bench). The one
// data-layer function not scoped to a signed-in user: it creates the users.

export type SeedOptions = {
  count: number;
  /**
   * One password hash shared by every seeded person. Argon2 is deliberately slow (about 50 ms
   * a hash), so hashing per person would make 10,000 people take minutes; the caller hashes
   * one password once with lib/auth/password.
   */
  passwordHash: string;
  /** "YYYY-MM-DD": completion and expiry dates are placed around it. */
  today: string;
  /** PRNG seed: the same seed gives the same people. */
  seed?: number;
  /** Prefix of the emails (`<label>-<n>@example.test`). */
  label?: string;
  /** People written per transaction. */
  batchSize?: number;
  onBatch?: (done: number) => void;
};

export type SeededPerson = { id: string; email: string; customCertificationIds: string[] };

export type SeedCounts = { users: number; progress: number; events: number; customCertifications: number };

export type SeedResult = { people: SeededPerson[]; counts: SeedCounts };

type Provider = "sqlite" | "postgresql";
type Row = Record<string, string | number | null>;

/** Rows per INSERT statement: each statement's rows travel as one JSON parameter (a few MB). */
const ROWS_PER_STATEMENT = 10_000;

/**
 * Dates as the driver adapters write them, so the app reads, compares and orders seeded rows
 * like its own: ISO text with "+00:00" on SQLite (adapter-better-sqlite3's default format),
 * ISO text cast to timestamp(3), in UTC, on PostgreSQL.
 */
function dateFormatter(provider: Provider): (date: Date) => string {
  return provider === "postgresql" ? (date) => date.toISOString() : (date) => date.toISOString().replace("Z", "+00:00");
}

/**
 * Inserts rows through the app's Prisma client in the caller's transaction, each chunk as
 * ONE JSON parameter that the database unpacks (SQLite json_each, PostgreSQL
 * json_populate_recordset). Why not createMany: Prisma 6.19's query interpreter splits it into
 * statements of 999 parameters and serialises every parameter several times on its way to
 * the driver; measured here, createMany wrote about 7,000 rows/s and this several times as
 * many, which is what lets 10,000 people (about 1.4 million rows) be written within the
 * benchmark's minute. Every column gets a value, so no database default is used.
 */
async function insertRows(tx: Tx, provider: Provider, table: string, columns: readonly string[], rows: readonly Row[]): Promise<void> {
  const names = columns.map((c) => `"${c}"`).join(", ");
  const sql =
    provider === "postgresql"
      ? `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_populate_recordset(NULL::"${table}", $1::json)`
      : `INSERT INTO "${table}" (${names}) SELECT ${columns.map((c) => `json_extract(value, '$.${c}')`).join(", ")} FROM json_each(?)`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT)));
  }
}

const USER_COLUMNS = ["id", "email", "name", "passwordHash", "sessionVersion", "trackId", "createdAt", "updatedAt"] as const;
const CERTIFICATION_COLUMNS = ["id", "userId", "title", "issuer", "createdAt"] as const;
const PROGRESS_COLUMNS = ["id", "userId", "itemId", "status", "completedOn", "expiresOn", "note", "evidenceUrl", "createdAt", "updatedAt"] as const;
const EVENT_COLUMNS = ["id", "userId", "itemId", "fromStatus", "toStatus", "changes", "createdAt"] as const;

async function writeBatch(tx: Tx, provider: Provider, batch: readonly SeedPerson[], passwordHash: string): Promise<void> {
  const date = dateFormatter(provider);
  const users: Row[] = [];
  const certifications: Row[] = [];
  const progress: Row[] = [];
  const events: Row[] = [];
  for (const p of batch) {
    const userId = p.id;
    const joined = date(p.createdAt);
    users.push({ id: userId, email: p.email, name: p.name, passwordHash, sessionVersion: 0, trackId: p.trackId, createdAt: joined, updatedAt: joined });
    for (const c of p.customCertifications) certifications.push({ id: c.id, userId, title: c.title, issuer: c.issuer, createdAt: date(c.createdAt) });
    // Row ids: the person's id and a counter, unique without another random draw per row.
    p.progress.forEach((row, i) => {
      progress.push({ ...row, id: `${userId}p${i}`, userId, createdAt: date(row.createdAt), updatedAt: date(row.updatedAt) });
    });
    p.events.forEach((event, i) => {
      events.push({ ...event, id: `${userId}e${i}`, userId, createdAt: date(event.createdAt) });
    });
  }
  await insertRows(tx, provider, "User", USER_COLUMNS, users);
  await insertRows(tx, provider, "CustomCertification", CERTIFICATION_COLUMNS, certifications);
  await insertRows(tx, provider, "Progress", PROGRESS_COLUMNS, progress);
  await insertRows(tx, provider, "ProgressEvent", EVENT_COLUMNS, events);
}

/**
 * Creates `count` people with their own certifications, progress rows and history. Each
 * batch of people is one transaction, so a failure leaves no half-written person.
 */
export async function seedPeople(options: SeedOptions, db: Db = getDb()): Promise<SeedResult> {
  const { count, passwordHash, today, seed = 1, label = "seed", batchSize = 250 } = options;
  const random = createRandom(seed);
  const { provider } = getDatabaseConfig();
  const counts: SeedCounts = { users: 0, progress: 0, events: 0, customCertifications: 0 };
  const people: SeededPerson[] = [];

  for (let start = 0; start < count; start += batchSize) {
    const batch: SeedPerson[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index++) {
      batch.push(generateSeedPerson(random, { index, today, label }));
    }
    await db.$transaction((tx) => writeBatch(tx, provider, batch, passwordHash), { maxWait: 10_000, timeout: 120_000 });
    for (const p of batch) {
      counts.users += 1;
      counts.progress += p.progress.length;
      counts.events += p.events.length;
      counts.customCertifications += p.customCertifications.length;
      people.push({ id: p.id, email: p.email, customCertificationIds: p.customCertifications.map((c) => c.id) });
    }
    options.onBatch?.(counts.users);
  }
  return { people, counts };
}
