// The Node flags the production server runs with: `npm start` (scripts/start.mjs), each
// instance of deploy/cluster.mjs and the server under `npm run bench` start Node with these,
// so the bench measures the server as it is deployed.
import { spawn } from "node:child_process";

/**
 * A V8 heap limit. Without one V8 sizes the heap from the machine's memory and lets garbage
 * grow to hundreds of MB between full collections; the live heap is about 60 MB, and an
 * import (one at a time per instance) stays well inside this (decision record 015).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256"];

/** True when this process was started with every server flag. */
export function hasServerNodeFlags(execArgv = process.execArgv) {
  return SERVER_NODE_FLAGS.every((flag) => execArgv.includes(flag));
}

/**
 * Runs `script` again in a child Node started with the server flags, passes signals on and
 * exits with its code: how `npm start` (plain `node scripts/start.mjs`) gets them.
 */
export function rerunWithServerFlags(script, args = process.argv.slice(2)) {
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, script, ...args], { stdio: "inherit" });
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
