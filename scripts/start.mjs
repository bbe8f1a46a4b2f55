// `npm start`: on a fresh clone, migrates the database, builds when the build is missing
// or older than the sources, and serves the production app (PORT, default 3000) with
// scripts/server.mjs (request log, metrics, graceful shutdown), in a Node started with the
// server's flags (scripts/node-flags.mjs: a V8 heap limit).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hasServerNodeFlags, rerunWithServerFlags } from "./node-flags.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
// Empty variables count as unset (as in .env and compose files), here and in every child.
for (const [key, value] of Object.entries(process.env)) if (value === "") delete process.env[key];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");

function run(command, args, label) {
  console.info(`[ladder] ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[ladder] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const LADDER_INPUTS = ["app", "components", "lib", "public", "prisma", "next.config.js", "package-lock.json", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts"];

/**
 * A fingerprint of everything a build depends on: paths, sizes and modification times of
 * `inputs` under `dir` (Ladder's own by default; the bench fingerprints its bare app too).
 */
export function sourceFingerprint(dir = root, inputs = LADDER_INPUTS) {
  const hash = crypto.createHash("sha256");
  const walk = (rel) => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs) || rel.startsWith(path.join("lib", "generated"))) return;
    const stat = fs.statSync(abs);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) walk(path.join(rel, entry));
    } else {
      hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  inputs.forEach(walk);
  return hash.digest("hex");
}

/** Generates the Prisma clients when missing and builds when the build is missing or stale. */
export function ensureBuild() {
  if (!fs.existsSync(path.join(root, "lib", "generated", "sqlite")) || !fs.existsSync(path.join(root, "lib", "generated", "postgres"))) {
    run("npm", ["run", "--silent", "db:generate"], "generating the Prisma clients");
  }
  const stampFile = path.join(distDir, "ladder-source-fingerprint");
  const fingerprint = sourceFingerprint();
  const isBuilt = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
  if (isBuilt) {
    console.info("[ladder] production build is up to date");
  } else {
    run(bin("next"), ["build"], "building the app (first start, or the sources changed)");
    fs.writeFileSync(stampFile, fingerprint);
  }
}

export async function startServer() {
  run(process.execPath, [path.join(root, "scripts", "migrate.mjs")], "applying database migrations");
  ensureBuild();

  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { serve } = await import("./server.mjs");
  try {
    await serve();
  } catch (error) {
    console.error(`[ladder] cannot start: ${error?.message ?? error}`);
    process.exit(1);
  }
  console.info(`[ladder] serving http://localhost:${process.env.PORT || "3000"}`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (hasServerNodeFlags()) startServer();
  else rerunWithServerFlags(fileURLToPath(import.meta.url));
}
