import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { type Prisma as PostgresPrisma, PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { Prisma, PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "@/lib/database-config.mjs";
import { getEnv } from "@/lib/env";
import { AsyncLock, createGroupCommit, type GroupCommit } from "@/lib/group-commit";

/**
 * The client the app codes against, whichever database DATABASE_URL names: the SQLite
 * client's type. Both generated clients come from one schema source and have the same
 * members (postgresAsDb checks it); their generic model types are separate
 * declarations that TypeScript cannot prove equal. Where the databases really differ is
 * spelled out in ProviderDifferences, and the app uses none of it.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** What PostgreSQL's client accepts and SQLite's does not; never used by the app. */
export type ProviderDifferences = {
  /** SQLite has only "Serializable"; Db's transactions name no level (each database's default). */
  isolationLevel: Exclude<PostgresPrisma.TransactionIsolationLevel, Prisma.TransactionIsolationLevel>;
  /** Case-insensitive string filters exist only on PostgreSQL; emails are stored lower-cased instead. */
  queryMode: PostgresPrisma.QueryMode;
};

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;

/** The PostgreSQL client as Db: the same members (checked here), ProviderDifferences unused. */
function postgresAsDb(client: PostgresClient): Db {
  // Fails to compile when a model or client method exists on one provider's client only.
  const membersMatch: SameKeys<PostgresClient, SqliteClient> = true;
  if (!membersMatch) throw new Error("unreachable");
  return client as unknown as Db;
}

/** SQLite waits this long for a lock instead of failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Runs one read statement and returns its rows as objects keyed by column name. */
export type RowReader = <T extends Record<string, unknown>>(query: Prisma.Sql) => Promise<T[]>;

type Holder = {
  db?: Db;
  config?: DatabaseConfig;
  ready?: Promise<void>;
  reader?: RowReader;
  pools?: pg.Pool[];
  closeReader?: () => void;
  /** SQLite: the Prisma client's own connection, once it connected (lib/group-commit.ts). */
  sqliteConnection?: Database.Database;
  groupCommit?: GroupCommit;
  /** PostgreSQL: node-postgres's pool for readRows and runInPostgresTransaction. */
  fastPathPool?: pg.Pool;
  /** SQLite: held by every Prisma transaction and every group-commit batch. */
  writeLock?: AsyncLock;
  /** PostgreSQL: prepared statements' names by SQL text, shared by every copy of this module (they share the pool). */
  statementNames?: Map<string, string>;
  /** PostgreSQL: the connection of the transaction runTransaction started, while it is open. */
  transactionConnections?: AsyncLocalStorage<{ client?: pg.PoolClient }>;
};
const holder = globalThis as typeof globalThis & { __ladderDb?: Holder };
holder.__ladderDb ??= {};
const state: Holder = holder.__ladderDb;

export function getDatabaseConfig(): DatabaseConfig {
  state.config ??= resolveDatabaseConfig(getEnv().DATABASE_URL);
  return state.config;
}

/** Waiting longer than this for a PostgreSQL connection fails the request (503) instead of hanging it. */
export const PG_CONNECT_TIMEOUT_MS = 3000;

function createPool(url: string, connections: number, limits: Pick<pg.PoolConfig, "lock_timeout" | "statement_timeout" | "idle_in_transaction_session_timeout" | "options"> = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: connections, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS, ...limits });
  // An idle connection that PostgreSQL ends (a restart) emits here; unhandled it would crash the process.
  pool.on("error", (error) => console.warn(`[ladder] PostgreSQL connection lost: ${error.message}`));
  state.pools = [...(state.pools ?? []), pool];
  return pool;
}

function createAdapter(config: DatabaseConfig, connections: number): SqlDriverAdapterFactory {
  if (config.provider === "postgresql") return new PrismaPg(createPool(config.url, connections));
  fs.mkdirSync(path.dirname(config.url), { recursive: true });
  return new PrismaBetterSQLite3({ url: config.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

/**
 * Serialises Prisma's SQLite transactions with group-commit batches (lib/group-commit.ts).
 * In the holder, not the module: a server build has several copies of this module, and the
 * copy that made the client (the first to call getDb(), at start-up) is not the one whose
 * routes start group commits. With a lock per copy, a batch's BEGIN met an import's open
 * transaction on the one connection ("cannot start a transaction within a transaction").
 */
state.writeLock ??= new AsyncLock();
const WRITE_LOCK = state.writeLock;

type DriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
type DriverTransaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;

/**
 * The adapter `factory` makes, with `begin` around every transaction Prisma starts
 * (interactive or implicit): it starts the transaction with `start` and returns it with a
 * function run once it has committed or rolled back.
 */
function aroundTransactions(
  factory: SqlDriverAdapterFactory,
  begin: (start: () => Promise<DriverTransaction>) => Promise<[DriverTransaction, () => void]>,
  onConnect: (adapter: DriverAdapter) => void = () => {},
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      onConnect(adapter);
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        const [transaction, end] = await begin(() => startTransaction(isolationLevel));
        const { commit, rollback } = transaction;
        transaction.commit = () => commit.call(transaction).finally(end);
        transaction.rollback = () => rollback.call(transaction).finally(end);
        return transaction;
      };
      return adapter;
    },
  };
}

/**
 * SQLite: every transaction Prisma starts holds WRITE_LOCK until it commits or rolls back,
 * and the adapter's connection is kept for group commit.
 */
function withWriteLock(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return aroundTransactions(
    factory,
    async (start) => {
      const release = await WRITE_LOCK.acquire();
      try {
        return [await start(), release];
      } catch (error) {
        release();
        throw error;
      }
    },
    (adapter) => {
      state.sqliteConnection = (adapter as unknown as { client: Database.Database }).client;
    },
  );
}

// In the holder, not the module: a server build has several copies of this module, and the
// copy that made the client is not always the one a route calls runTransaction from.
state.transactionConnections ??= new AsyncLocalStorage();
const transactionConnections = state.transactionConnections;

/** PostgreSQL: a transaction started inside runTransaction makes its connection known to insertRows. */
function withTransactionConnection(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return aroundTransactions(factory, async (start) => {
    const transaction = await start();
    const store = transactionConnections.getStore();
    if (!store || store.client) return [transaction, () => {}];
    // The driver adapter's transaction runs on this checked-out connection of Prisma's pool.
    store.client = (transaction as unknown as { client: pg.PoolClient }).client;
    return [
      transaction,
      () => {
        store.client = undefined;
      },
    ];
  });
}

function createClient(config: DatabaseConfig): Db {
  const adapter = config.provider === "postgresql" ? withTransactionConnection(createAdapter(config, 10)) : withWriteLock(createAdapter(config, 10));
  if (config.provider === "postgresql") return postgresAsDb(new PostgresClient({ adapter }));
  return new SqliteClient({ adapter });
}

let lastIdTime = 0;
let idSequence = 0;

/**
 * An id for a row inserted with plain SQL, shaped like Prisma's cuid() defaults (25
 * characters, starting with "c"), made without a query: the time first, so new rows go to
 * the end of the primary key's index, then a per-process sequence, so ids made in one
 * millisecond (a group commit's writes, lib/group-commit.ts) sort in the order they were
 * made, then 40 random bits, so other processes' ids never collide.
 */
export function newRowId(): string {
  const now = Math.max(Date.now(), lastIdTime);
  idSequence = now === lastIdTime ? idSequence + 1 : 0;
  lastIdTime = now;
  return `c${now.toString(36).padStart(9, "0")}${idSequence.toString(36).padStart(5, "0")}${crypto.randomBytes(5).toString("hex")}`;
}

/** A statement made with `sql`. */
export type SqlQuery = Prisma.Sql;
/** The SQL template tag for readRows (values become bound parameters, never SQL text). */
export const sql = Prisma.sql;
/**
 * A row of a tagged read: rows of several kinds, from one statement (UNION ALL of SELECTs of
 * these ten columns), told apart by `source`. What `a`-`f` and `at` hold is each source's own
 * (lib/progress/rows.ts, lib/plan, lib/auth/session.ts). One statement instead of one per
 * kind: every signed-in request makes these reads, and on PostgreSQL each statement is a
 * round trip that wakes a backend on the same machine (docs/benchmarks.md).
 */
export type TaggedRow = {
  source: string;
  id: string;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  f: string | null;
  at: Date | string | null;
  version: string | null;
};
/** Joins SQL fragments with commas, e.g. the rows of a multi-row INSERT. */
export const joinSql = Prisma.join;

function toRecords<T>(columnNames: readonly string[], rows: readonly (readonly unknown[])[]): T[] {
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) record[columnNames[i] as string] = row[i];
    return record as T;
  });
}

const columnNameCache = new WeakMap<Database.Statement, string[]>();

function columnNames(statement: Database.Statement): string[] {
  let names = columnNameCache.get(statement);
  if (!names) {
    names = statement.columns().map((column) => column.name);
    columnNameCache.set(statement, names);
  }
  return names;
}

/**
 * SQLite: better-sqlite3 itself, with each statement prepared once. The driver adapter
 * prepares every statement anew, and preparing (parsing and planning the SQL) cost more
 * than running these small indexed reads. The connection is query_only: it can never write.
 */
function createSqliteReader(file: string): RowReader {
  let connection: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  return async <T extends Record<string, unknown>>(query: Prisma.Sql) => {
    if (!connection) {
      const opened = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS, fileMustExist: true });
      opened.pragma("query_only = ON");
      state.closeReader = () => opened.close();
      connection = opened;
    }
    let statement = statements.get(query.sql);
    if (!statement) {
      statement = connection.prepare(query.sql).raw(true);
      statements.set(query.sql, statement);
    }
    const rows = statement.all(...(query.values as unknown[])) as unknown[][];
    return toRecords<T>(columnNames(statement), rows);
  };
}

/**
 * PostgreSQL connections for the fast read path and progress writes (decision record 020):
 * node-postgres itself, without the driver adapter. One per concurrent request the server
 * usually has in flight, so a request's queries run at once instead of queueing for one of
 * a few connections (it was 5, and every signed-in API call makes two or three reads).
 */
export const PG_FAST_PATH_CONNECTIONS = 12;

/**
 * Limits of the fast path's connections, set when each connects (no extra round trip): a
 * request waits at most this long for an item's lock (another write to the same item) or for
 * one statement, and a transaction left idle by a stalled process is ended by the server.
 * Beyond them the request answers 503 with Retry-After (lib/database-unavailable.ts) and
 * its transaction is rolled back: what Prisma's transaction timeout did before record 020.
 */
export const PG_FAST_PATH_LIMITS = { lock_timeout: 5_000, statement_timeout: 15_000, idle_in_transaction_session_timeout: 30_000 } as const;

/**
 * No parallel plans on the fast path's connections: its statements read one person's tens of
 * rows, and with a table's statistics not yet gathered (a freshly filled database) PostgreSQL
 * planned the progress read as a parallel append, starting background workers for every
 * request (the bench's PostgreSQL reads fell to a third of their throughput).
 */
const PG_FAST_PATH_SETTINGS = "-c max_parallel_workers_per_gather=0";

function fastPathPool(config: DatabaseConfig): pg.Pool {
  state.fastPathPool ??= createPool(config.url, PG_FAST_PATH_CONNECTIONS, { ...PG_FAST_PATH_LIMITS, options: PG_FAST_PATH_SETTINGS });
  return state.fastPathPool;
}

/**
 * Values as the driver adapter gives them, so both read paths agree: timestamps as ISO text
 * in UTC (the schema's timestamps have no zone and hold UTC), dates and JSON as text.
 */
const PG_TEXT_PARSERS = new Map<number, (text: string) => unknown>([
  [pg.types.builtins.TIMESTAMP, (text) => `${text.replace(" ", "T")}+00:00`],
  [pg.types.builtins.TIMESTAMPTZ, (text) => text.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00")],
  [pg.types.builtins.DATE, (text) => text],
  [pg.types.builtins.JSON, (text) => text],
  [pg.types.builtins.JSONB, (text) => text],
  [pg.types.builtins.NUMERIC, (text) => text],
]);
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: string) => (format !== "binary" && PG_TEXT_PARSERS.get(oid)) || pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** A Date bound as the driver adapter binds it: UTC text, for columns without a zone. */
function pgValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace("T", " ").replace("Z", "") : value;
}

/**
 * Prepared statements per connection, by SQL text; bounded, in case some SQL were built from
 * input. In the holder: every copy of this module uses the one pool, and two copies naming
 * different statements "ladder_0" would have node-postgres refuse the second on a connection
 * that prepared the first.
 */
state.statementNames ??= new Map<string, string>();
const PG_STATEMENT_NAMES = state.statementNames;
const PG_MAX_NAMED_STATEMENTS = 200;

/**
 * A named statement: each connection parses and plans it once instead of for every query
 * (PostgreSQL shares the machine's CPUs with the server).
 */
export function statementName(text: string): string | undefined {
  let name = PG_STATEMENT_NAMES.get(text);
  if (!name && PG_STATEMENT_NAMES.size < PG_MAX_NAMED_STATEMENTS) {
    name = `ladder_${PG_STATEMENT_NAMES.size}`;
    PG_STATEMENT_NAMES.set(text, name);
  }
  return name;
}

/** Runs one statement on a pool or a checked-out connection; rows as objects keyed by column name. */
function runPostgres<T>(queryable: pg.Pool | pg.PoolClient, query: Prisma.Sql): Promise<T[]> {
  return runPostgresText<T>(queryable, query.text, query.values, statementName(query.text));
}

/** runPostgres for SQL text with `$n` placeholders; prepared once per connection when named. */
async function runPostgresText<T>(queryable: pg.Pool | pg.PoolClient, text: string, values: readonly unknown[], name?: string): Promise<T[]> {
  const result = await queryable.query({ name, text, values: values.map(pgValue), rowMode: "array", types: PG_TYPES });
  return toRecords<T>(
    result.fields.map((field) => field.name),
    result.rows as unknown[][],
  );
}

function createPostgresReader(config: DatabaseConfig): RowReader {
  return <T extends Record<string, unknown>>(query: Prisma.Sql) => runPostgres<T>(fastPathPool(config), query);
}

/**
 * Reads rows for the requests every signed-in page and API call makes (the session check, a
 * person's progress rows and own certifications) on a connection of its own, without
 * Prisma's query engine. Measured with `npm run bench`: Prisma 6.19 compiles every query
 * anew in its WebAssembly query compiler and maps results in JavaScript, which cost about
 * 0.5 ms a query, more than the database's own work; this path costs a small part of that.
 * Only for plain SELECTs whose SQL is the same on SQLite and PostgreSQL (quoted identifiers,
 * values bound as text or numbers, never Dates). Values come back as the driver gives them:
 * text, numbers, and dates as ISO text. Writes and reads inside transactions stay on getDb().
 */
export function readRows<T extends Record<string, unknown>>(query: Prisma.Sql): Promise<T[]> {
  const config = getDatabaseConfig();
  state.reader ??= config.provider === "postgresql" ? createPostgresReader(config) : createSqliteReader(config.url);
  return state.reader<T>(query);
}

export function getDb(): Db {
  state.db ??= createClient(getDatabaseConfig());
  return state.db;
}

/**
 * SQLite only: runs `job` in the next group-commit batch on the Prisma client's connection and
 * resolves after the batch's COMMIT (decision record 014). `job` must be synchronous.
 */
export function runInWriteBatch<T>(job: (connection: Database.Database) => T): Promise<T> {
  state.groupCommit ??= createGroupCommit(WRITE_LOCK, async () => {
    if (!state.sqliteConnection) await getDb().$connect();
    if (!state.sqliteConnection) throw new Error("the SQLite connection is not open");
    return state.sqliteConnection;
  });
  return state.groupCommit.run(job);
}

const batchStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * PostgreSQL only: one statement on a connection of the fast path's pool, committed on its
 * own (no BEGIN/COMMIT round trips): for a write that is a single statement. Rows as objects.
 */
export function runPostgresStatement<T>(query: Prisma.Sql): Promise<T[]> {
  const config = getDatabaseConfig();
  if (config.provider !== "postgresql") throw new Error("runPostgresStatement needs PostgreSQL");
  return runPostgres<T>(fastPathPool(config), query);
}

/** Runs one statement inside runInPostgresTransaction: rows as objects (none for a write). */
export type PostgresStatementRunner = <T>(query: Prisma.Sql) => Promise<T[]>;

/**
 * PostgreSQL only: runs `job` in a transaction on a connection of the fast path's pool, each
 * statement one round trip of node-postgres (prepared once per connection), not through
 * Prisma's interactive transaction (decision record 020). COMMIT before it resolves; any
 * error rolls the whole transaction back and is thrown.
 */
export async function runInPostgresTransaction<T>(job: (run: PostgresStatementRunner) => Promise<T>): Promise<T> {
  const config = getDatabaseConfig();
  if (config.provider !== "postgresql") throw new Error("runInPostgresTransaction needs PostgreSQL");
  const client = await fastPathPool(config).connect();
  try {
    await client.query("BEGIN");
  } catch (error) {
    // The connection may be gone: do not hand it to the next request.
    client.release(true);
    throw error;
  }
  try {
    const result = await job((query) => runPostgres(client, query));
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    const isRolledBack = await client.query("ROLLBACK").then(
      () => true,
      () => false,
    );
    client.release(!isRolledBack);
    throw error;
  }
}

/** A value bound the way Prisma's SQLite adapter binds it (dates as ISO text with +00:00). */
function sqliteValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
}

/**
 * Runs one statement of a batched write (runInWriteBatch) on `connection`, each prepared once:
 * rows as objects for a SELECT, nothing for anything else.
 */
export function runSqlite<T>(connection: Database.Database, query: Prisma.Sql): T[] {
  return runSqliteText<T>(connection, query.sql, query.values);
}

/** runSqlite for SQL text with `?` placeholders; the prepared statement is kept unless `keep` is false. */
function runSqliteText<T>(connection: Database.Database, text: string, values: readonly unknown[], keep = true): T[] {
  let statements = batchStatements.get(connection);
  if (!statements) {
    statements = new Map();
    batchStatements.set(connection, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = connection.prepare(text);
    // Rows as arrays, made into objects here: better-sqlite3's own objects cost about twice as much.
    if (statement.reader) statement.safeIntegers(false).raw(true);
    if (keep) statements.set(text, statement);
  }
  const bound = values.map(sqliteValue);
  if (!statement.reader) {
    statement.run(...bound);
    return [];
  }
  return toRecords<T>(columnNames(statement), statement.all(...bound) as unknown[][]);
}

/** Rows per statement of insertRows; SQLite binds at most 32,766 values a statement. */
export const INSERT_ROWS_PER_STATEMENT = 500;

/**
 * Runs `job` in a transaction of getDb(), as getDb().$transaction does; insertRows inside it
 * writes on the transaction's own connection (on PostgreSQL it needs this to find it).
 */
export function runTransaction<T>(job: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  return transactionConnections.run({}, () => getDb().$transaction(job, options));
}

/**
 * Inserts `rows` (values in the order of `columns`) into `table` inside `tx`, a transaction
 * of runTransaction, as multi-row INSERTs of INSERT_ROWS_PER_STATEMENT rows, bypassing
 * Prisma's query engine: it passes every value through its WebAssembly query compiler, whose
 * memory grows to fit the largest statement and never shrinks, and serialises and copies
 * every value several times on the way (decision records 018 and 023). The statements run on
 * the transaction's own connection, so a rollback takes these rows with it: on SQLite Prisma's
 * one connection (a transaction holds WRITE_LOCK), on PostgreSQL the connection the driver
 * adapter checked out for it. A full chunk's statement is prepared once per connection; the
 * statement for what is left over is not kept (one would be kept for every remainder size).
 * Table and column names are code, never input; values are bound, dates as Prisma binds them.
 */
export async function insertRows(_tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const isPostgres = getDatabaseConfig().provider === "postgresql";
  const run = transactionStatementRunner(isPostgres);
  const into = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  const statement = (count: number) =>
    into + Array.from({ length: count }, (_, row) => `(${columns.map((_, column) => (isPostgres ? `$${row * columns.length + column + 1}` : "?")).join(", ")})`).join(", ");
  const full = statement(INSERT_ROWS_PER_STATEMENT);
  for (let start = 0; start < rows.length; start += INSERT_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + INSERT_ROWS_PER_STATEMENT);
    const isFull = chunk.length === INSERT_ROWS_PER_STATEMENT;
    await run(isFull ? full : statement(chunk.length), chunk.flat(), isFull);
  }
}

/** Runs statements on the connection of the runTransaction transaction this is called in. */
function transactionStatementRunner(isPostgres: boolean): (text: string, values: readonly unknown[], keep: boolean) => Promise<unknown> {
  if (isPostgres) {
    const client = transactionConnections.getStore()?.client;
    if (!client) throw new Error("insertRows needs an open transaction of runTransaction");
    return (text, values, keep) => runPostgresText(client, text, values, keep ? statementName(text) : undefined);
  }
  const connection = state.sqliteConnection;
  if (!connection?.inTransaction) throw new Error("insertRows needs an open transaction of runTransaction");
  return async (text, values, keep) => runSqliteText(connection, text, values, keep);
}

/**
 * Puts SQLite in WAL mode and checks that WAL, the busy timeout and synchronous=FULL took
 * effect; on PostgreSQL makes one round trip. Called once at server start (instrumentation.ts).
 *
 * synchronous stays FULL (every commit is synced before the write is answered): with NORMAL a
 * power cut could lose changes a person was told were saved. It costs write throughput
 * (decision record 004, docs/benchmarks.md).
 */
export function prepareDatabase(): Promise<void> {
  state.ready ??= (async () => {
    const db = getDb();
    if (getDatabaseConfig().provider !== "sqlite") {
      await db.$queryRawUnsafe("SELECT 1");
      return;
    }
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = FULL");
    const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    if (mode?.journal_mode?.toLowerCase() !== "wal") {
      throw new Error(`SQLite did not switch to WAL mode (journal_mode=${mode?.journal_mode})`);
    }
    if (Number(busy?.timeout ?? 0) < SQLITE_BUSY_TIMEOUT_MS) {
      throw new Error(`SQLite busy_timeout is ${busy?.timeout} ms, expected at least ${SQLITE_BUSY_TIMEOUT_MS}`);
    }
  })();
  return state.ready;
}

export type DatabaseDurability =
  | { provider: "sqlite"; synchronous: string; journalMode: string; isDurable: boolean }
  | { provider: "postgresql"; synchronousCommit: string; fsync: string; isDurable: boolean };

const SQLITE_SYNCHRONOUS = ["off", "normal", "full", "extra"];

/**
 * The settings that decide whether a write answered as saved survives a power cut, read on
 * the connection that writes (Prisma's), so the bench can refuse figures made without them.
 */
export async function getDatabaseDurability(): Promise<DatabaseDurability> {
  await prepareDatabase();
  const db = getDb();
  if (getDatabaseConfig().provider === "sqlite") {
    const [sync] = await db.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const synchronous = SQLITE_SYNCHRONOUS[Number(sync?.synchronous)] ?? String(sync?.synchronous);
    return { provider: "sqlite", synchronous, journalMode: String(mode?.journal_mode), isDurable: synchronous === "full" || synchronous === "extra" };
  }
  const [commit] = await db.$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
  const [fsync] = await db.$queryRawUnsafe<{ fsync: string }[]>("SHOW fsync");
  const synchronousCommit = String(commit?.synchronous_commit);
  return { provider: "postgresql", synchronousCommit, fsync: String(fsync?.fsync), isDurable: fsync?.fsync === "on" && !["off", "local"].includes(synchronousCommit) };
}

/** One real query; false when the database cannot be reached. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export type PoolStats = { total: number; idle: number; waiting: number };

/** PostgreSQL connection pools (the Prisma client's and the fast reader's), summed; empty on SQLite. */
export function databasePoolStats(): PoolStats | null {
  if (!state.pools?.length) return null;
  return state.pools.reduce((sum, pool) => ({ total: sum.total + pool.totalCount, idle: sum.idle + pool.idleCount, waiting: sum.waiting + pool.waitingCount }), {
    total: 0,
    idle: 0,
    waiting: 0,
  });
}

/** Closes every database connection (graceful shutdown); the next getDb() opens new ones. */
export async function closeDatabase(): Promise<void> {
  const { db, pools, closeReader } = state;
  closeReader?.();
  state.closeReader = undefined;
  state.db = undefined;
  state.reader = undefined;
  state.ready = undefined;
  state.sqliteConnection = undefined;
  state.fastPathPool = undefined;
  state.pools = [];
  await db?.$disconnect().catch(() => {});
  await Promise.all((pools ?? []).map((pool) => pool.end().catch(() => {})));
}
