import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPageTurns, isPageRequest, pageRenderLimit } from "../../scripts/page-turns.mjs";

// Page renders take turns (decision record 029): through a real HTTP server whose "render"
// holds each response until the test lets it go.

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      return closed;
    }),
  );
});

// What each request's async context holds, as a request-scoped store in the app would.
const requestStore = new AsyncLocalStorage<string>();

async function turnServer(limit: number) {
  const turns = createPageTurns(limit);
  const started: string[] = [];
  const contexts: string[] = [];
  const held = new Map<string, http.ServerResponse>();
  const server = http.createServer((req, res) => {
    requestStore.run(req.url ?? "", () =>
      turns.take(res, () => {
        started.push(req.url ?? "");
        contexts.push(requestStore.getStore() ?? "none");
        held.set(req.url ?? "", res);
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string, signal?: AbortSignal) => fetch(`http://127.0.0.1:${port}${path}`, { signal }).then((r) => r.text());
  const release = (path: string) => held.get(path)?.end(`done ${path}`);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  return { turns, started, contexts, get, release, settle };
}

describe("page turns", () => {
  it("renders at most `limit` pages at once and the others in arrival order as turns end", async () => {
    const { turns, started, contexts, get, release, settle } = await turnServer(2);
    const answers = ["/a", "/b", "/c", "/d"].map((path) => get(path));
    await settle();
    expect(started).toEqual(["/a", "/b"]);
    expect([turns.running, turns.waiting]).toEqual([2, 2]);

    release("/b");
    await settle();
    expect(started).toEqual(["/a", "/b", "/c"]);
    release("/a");
    release("/c");
    await settle();
    expect(started).toEqual(["/a", "/b", "/c", "/d"]);
    release("/d");
    expect(await Promise.all(answers)).toEqual(["done /a", "done /b", "done /c", "done /d"]);
    // A waiting render runs in its own request's context, not in the one whose end started it.
    expect(contexts).toEqual(["/a", "/b", "/c", "/d"]);
    expect([turns.running, turns.waiting]).toEqual([0, 0]);
  });

  it("gives up the place of a request whose client leaves while it waits, and the turn of one that leaves while rendering", async () => {
    const { turns, started, get, release, settle } = await turnServer(1);
    const first = new AbortController();
    const waiter = new AbortController();
    const answers = [get("/first", first.signal).catch(() => "aborted"), get("/gone", waiter.signal).catch(() => "aborted"), get("/last")];
    await settle();
    expect([turns.running, turns.waiting]).toEqual([1, 2]);

    waiter.abort();
    await settle();
    expect(turns.waiting).toBe(1);
    // The rendering one leaves too: its turn ends with its connection, and the last one starts.
    first.abort();
    await settle();
    expect(started).toEqual(["/first", "/last"]);
    release("/last");
    expect(await Promise.all(answers)).toEqual(["aborted", "aborted", "done /last"]);
    expect([turns.running, turns.waiting]).toEqual([0, 0]);
  });

  it("takes pages only: not API routes, build assets or files, not writes", () => {
    expect(isPageRequest("GET", "/dashboard")).toBe(true);
    expect(isPageRequest("HEAD", "/share/abc_DEF-123?x=1")).toBe(true);
    expect(isPageRequest("GET", "/")).toBe(true);
    expect(isPageRequest("GET", "/api/progress")).toBe(false);
    expect(isPageRequest("GET", "/_next/static/chunks/app.js")).toBe(false);
    expect(isPageRequest("GET", "/icon.svg")).toBe(false);
    expect(isPageRequest("GET", "/favicon.ico")).toBe(false);
    expect(isPageRequest("POST", "/signin")).toBe(false);
  });

  it("reads PAGE_RENDER_CONCURRENCY: 4 when unset, a positive whole number, else an error naming it", () => {
    expect(pageRenderLimit(undefined)).toBe(4);
    expect(pageRenderLimit("")).toBe(4);
    expect(pageRenderLimit("8")).toBe(8);
    for (const bad of ["0", "-1", "2.5", "four"]) expect(() => pageRenderLimit(bad)).toThrow(/PAGE_RENDER_CONCURRENCY/);
  });
});
