// Global setup of the cluster tests: the production build (made once, shared by every
// instance), a private PostgreSQL server and a private Redis, both on loopback ports of their
// own, so the tests may stop and restart them without touching the machine's shared ones.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt } from "../../deploy/cluster.mjs";
import { PG_PORT, pgCtl, REDIS_PORT, waitForPort } from "./harness";

export default async function setup() {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-cluster-pg-"));
  const isRoot = process.getuid?.() === 0;
  const bin = pgBin();
  if (isRoot) fs.chmodSync(dir, 0o777);
  const asPostgres = (command: string, args: string[]) =>
    isRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" }) : execFileSync(command, args, { stdio: "pipe" });
  asPostgres(path.join(bin, "initdb"), ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"]);
  process.env.LADDER_CLUSTER_PG_DIR = dir;
  process.env.LADDER_CLUSTER_PG_BIN = bin;
  pgCtl("start");
  const redis = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  await waitForPort(REDIS_PORT);
  await waitForPort(PG_PORT);

  return async () => {
    redis.kill("SIGTERM");
    // Another Redis may have been started by a test (after stopping the first): stop it too.
    try {
      execFileSync("redis-cli", ["-p", String(REDIS_PORT), "shutdown", "nosave"], { stdio: "ignore" });
    } catch {}
    try {
      pgCtl("stop");
    } catch {}
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

function pgBin(): string {
  const base = "/usr/lib/postgresql";
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  return path.join(base, version, "bin");
}
