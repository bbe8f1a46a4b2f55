// The bench's baseline app (bench/bare-app): how it is built and how it is started, shared by
// scripts/bench.mjs and scripts/cpu-per-request.mjs so that both measure the same build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SERVER_NODE_FLAGS } from "./node-flags.mjs";
import { sourceFingerprint } from "./start.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const BARE_APP_DIR = path.join(root, "bench", "bare-app");
const NEXT_BIN = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** The environment the bare app is built and served in: its own dist dir, no telemetry. */
export function bareAppEnv() {
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  return env;
}

/**
 * Builds the bare app unless its build matches its sources and the lockfile (a fingerprint
 * of paths, sizes and modification times, as `npm start` checks Ladder's); `rebuild` forces it.
 * Built from its own directory: from the repository's, Next would take Ladder's instrumentation.ts into it.
 */
export function buildBareApp({ rebuild = false, log = () => {} } = {}) {
  const stampFile = path.join(BARE_APP_DIR, ".next", "bare-app-source-fingerprint");
  const fingerprint = sourceFingerprint(BARE_APP_DIR, ["app", "next.config.js"]) + sourceFingerprint(root, ["package-lock.json"]);
  const isBuilt = fs.existsSync(path.join(BARE_APP_DIR, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === fingerprint;
  if (isBuilt && !rebuild) {
    log("the bare app's build is up to date");
    return;
  }
  log("building the bare app (bench/bare-app) …");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: BARE_APP_DIR, env: bareAppEnv(), stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error(`next build of the bare app failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(stampFile, fingerprint);
}

/** Node's arguments for serving the bare app: plain `next start`, with the same Node flags as Ladder. */
export function bareAppServerArgs(port) {
  return [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"];
}
