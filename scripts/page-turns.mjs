// Page renders take turns (decision record 029): at most `limit` pages are rendered at once
// by this process, the others wait in arrival order before Next.js starts on them. A page
// render that waits for the database (every page on PostgreSQL) otherwise interleaves with
// every other request in flight, and fifty renders interleaved cost the main thread almost
// twice the CPU each and the process about 60 MB more memory than the same renders taken a
// few at a time (docs/benchmarks.md). API routes and build assets do not take turns.
import { AsyncResource } from "node:async_hooks";

/** The default number of page renders at once (PAGE_RENDER_CONCURRENCY). */
export const DEFAULT_PAGE_RENDERS = 4;

/** PAGE_RENDER_CONCURRENCY as a positive integer, or an error naming the variable. */
export function pageRenderLimit(value) {
  if (value === undefined || value === "") return DEFAULT_PAGE_RENDERS;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`PAGE_RENDER_CONCURRENCY must be a positive whole number (got "${value}")`);
  return limit;
}

/**
 * A request for a page: GET or HEAD, not under /api/ or /_next/, and no file name (a dot in
 * its last path segment: the icon, favicon.ico, robots.txt), which would be served at once.
 */
export function isPageRequest(method, url) {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = (url ?? "/").split("?", 1)[0];
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  return !path.slice(path.lastIndexOf("/") + 1).includes(".");
}

/**
 * Turns for page renders. `take(res, render)` runs `render` now if fewer than `limit` are
 * running, else when its turn comes; a turn ends when the response finishes or its
 * connection closes, whichever comes first. A request whose client went away while it
 * waited is dropped without rendering.
 */
export function createPageTurns(limit) {
  let running = 0;
  const waiting = [];
  const next = () => {
    while (running < limit && waiting.length > 0) {
      const turn = waiting.shift();
      turn?.();
    }
  };
  const start = (res, render) => {
    if (res.destroyed || res.writableEnded) return;
    running += 1;
    let isOver = false;
    const over = () => {
      if (isOver) return;
      isOver = true;
      running -= 1;
      next();
    };
    res.once("finish", over);
    res.once("close", over);
    render();
  };
  return {
    take(res, render) {
      if (running < limit && waiting.length === 0) {
        start(res, render);
        return;
      }
      // Bound to the async context the request arrived in: a turn starts inside the previous
      // response's "finish", whose context (and what it keeps alive) must not become this one's.
      const turn = AsyncResource.bind(() => start(res, render));
      waiting.push(turn);
      // A request whose client leaves while it waits gives up its place at once.
      res.once("close", () => {
        const index = waiting.indexOf(turn);
        if (index >= 0) waiting.splice(index, 1);
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
