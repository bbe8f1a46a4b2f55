import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startInstance, stopInstance, waitReady } from "../../deploy/cluster.mjs";
import { call, signedInUser } from "./harness";

const PORT = 3326;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-durability-"));
const dbFile = path.join(dir, "ladder.db");
const env = { DATABASE_URL: `file:${dbFile}`, DATA_DIR: dir, NEXTAUTH_SECRET: "", AUTH_SECRET: "", REDIS_URL: "", LOG_LEVEL: "warn" };
const ITEMS = ["bachelors-computer-science", "masters-computer-science", "bachelors-mathematics", "masters-mathematics"];

/** The server alone (migrations already applied), so a restart takes as little as possible. */
function startServer(): ChildProcess {
  return spawn(process.execPath, ["scripts/server.mjs"], { env: { ...process.env, ...env, PORT: String(PORT), HOST: "127.0.0.1" }, stdio: "ignore" });
}

function exited(child: ChildProcess): Promise<unknown> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
}

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function fileHash(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function storedChanges(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT "changes" FROM "ProgressEvent"').all() as { changes: string }[]).map((row) => row.changes).join("\n");
  } finally {
    db.close();
  }
}

const cookies: string[] = [];

beforeAll(async () => {
  // The first start migrates the new database; the people are made before any kill.
  const first = startInstance({ port: PORT, env, logFile: path.join(dir, "first.log") });
  await waitReady(PORT);
  for (let i = 0; i < ITEMS.length; i += 1) cookies.push((await signedInUser(PORT)).cookie);
  await stopInstance(first);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SQLite durability on one machine", () => {
  it("loses no acknowledged write when the server is killed with SIGKILL twenty times under concurrent writers", async () => {
    const acknowledged: string[] = [];
    let stopping = false;
    // Four writers, each its own person and item, each note unique: every acknowledged note
    // must be in the history table afterwards.
    const writers = ITEMS.map(async (item, w) => {
      for (let n = 0; !stopping; n += 1) {
        const note = `kill-test ${w}-${n}`;
        try {
          const response = await call(PORT, `/api/progress/${item}`, { method: "PUT", cookie: cookies[w], body: { status: "in_progress", note }, timeoutMs: 5000 });
          await response.arrayBuffer();
          if (response.status === 200) acknowledged.push(note);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });
    for (let kill = 0; kill < 20; kill += 1) {
      const server = startServer();
      await waitReady(PORT);
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 500));
      server.kill("SIGKILL");
      await exited(server);
    }
    stopping = true;
    await Promise.all(writers);
    const server = startServer();
    await waitReady(PORT);
    server.kill("SIGTERM");
    await exited(server);

    const changes = storedChanges(dbFile);
    const lost = acknowledged.filter((note) => !changes.includes(`"${note}"`));
    console.info(`[cluster] SQLite kill -9 ×20: ${acknowledged.length} acknowledged writes, ${lost.length} lost`);
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(lost).toEqual([]);
  });

  it("backs up while the server runs and writes, and restores only a backup that passes its checks", async () => {
    const server = startServer();
    await waitReady(PORT);
    let stopping = false;
    const writer = (async () => {
      for (let n = 0; !stopping; n += 1) {
        const response = await call(PORT, `/api/progress/${ITEMS[0]}`, { method: "PUT", cookie: cookies[0], body: { status: "in_progress", note: `backup-test ${n}` } });
        await response.arrayBuffer();
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const backupFile = path.join(dir, "backup.db");
    const made = run("scripts/backup.mjs", ["--out", backupFile]);
    expect(made.status, made.output).toBe(0);
    stopping = true;
    await writer;
    // A write after the backup, which restoring it takes away.
    await (await call(PORT, `/api/progress/${ITEMS[1]}`, { method: "PUT", cookie: cookies[1], body: { status: "done", note: "after the backup" } })).arrayBuffer();
    server.kill("SIGTERM");
    await exited(server);
    const backedUp = storedChanges(backupFile);
    expect(backedUp).toContain("backup-test");
    expect(backedUp).not.toContain("after the backup");

    const broken = path.join(dir, "broken.db");
    const bytes = fs.readFileSync(backupFile);
    bytes.fill(0x5a, 4096, 12_288);
    fs.writeFileSync(broken, bytes);
    const before = fileHash(dbFile);
    const refused = run("scripts/restore.mjs", [broken]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain("nothing was replaced");
    expect(fileHash(dbFile)).toBe(before);

    const restored = run("scripts/restore.mjs", [backupFile]);
    expect(restored.status, restored.output).toBe(0);
    const again = startServer();
    await waitReady(PORT);
    const progress = (await (await call(PORT, "/api/progress", { cookie: cookies[1] })).json()) as { items: { itemId: string; note: string | null }[] };
    expect(progress.items.find((item) => item.itemId === ITEMS[1])?.note).not.toBe("after the backup");
    expect((await call(PORT, "/api/progress", { cookie: cookies[0] })).status).toBe(200);
    again.kill("SIGTERM");
    await exited(again);
  });
});
