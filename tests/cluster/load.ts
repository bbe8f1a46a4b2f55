// Load for the cluster tests: autocannon through nginx, reads (the progress list) and writes
// (PUT /api/progress/:itemId), one connection per item writing "write 1", "write 2", … in
// sequence: the stored note of an item is its last acknowledged one, or the one after it when
// that request was still in flight when the load stopped.
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import { call } from "./harness";

export const WRITE_ITEMS = ["bachelors-computer-science", "masters-computer-science", "bachelors-mathematics", "masters-mathematics"];

type Result = { requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }> };
type Run = { stop(): void; done: Promise<Result> };

function run(options: Record<string, unknown>): Run {
  let resolveDone: (result: Result) => void = () => {};
  let rejectDone: (error: unknown) => void = () => {};
  const done = new Promise<Result>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const instance = autocannon(options, (error: unknown, result: Result) => (error ? rejectDone(error) : resolveDone(result)));
  return { stop: () => instance.stop(), done };
}

export type Load = { stop(): Promise<{ reads: Result; writes: Result; acknowledged: Map<string, string> }> };

/** Starts reads and writes against `port` until stopped (or `seconds` pass). */
export function startLoad(port: number, cookie: string, options: { seconds?: number; readConnections?: number } = {}): Load {
  const acknowledged = new Map<string, string>();
  const origin = `http://127.0.0.1:${port}`;
  const headers = { cookie, origin, "content-type": "application/json" };
  const reads = run({
    url: origin,
    connections: options.readConnections ?? 6,
    duration: options.seconds ?? 120,
    timeout: 10,
    requests: [{ method: "GET", path: "/api/progress", headers }],
  });
  // One single-connection run per item: its writes go one after another.
  const writeRuns = WRITE_ITEMS.map((item) => {
    let seq = 0;
    let note = "";
    return run({
      url: origin,
      connections: 1,
      duration: options.seconds ?? 120,
      timeout: 10,
      requests: [
        {
          method: "PUT",
          path: `/api/progress/${item}`,
          headers,
          setupRequest(request: Record<string, unknown>) {
            seq += 1;
            note = `write ${seq}`;
            return { ...request, body: JSON.stringify({ status: "in_progress", note }) };
          },
          onResponse(status: number) {
            if (status === 200) acknowledged.set(item, note);
          },
        },
      ],
    });
  });
  return {
    async stop() {
      reads.stop();
      for (const writeRun of writeRuns) writeRun.stop();
      const writeResults = await Promise.all(writeRuns.map((writeRun) => writeRun.done));
      const writes = writeResults.reduce((sum, r) => ({
        requests: { total: sum.requests.total + r.requests.total, average: sum.requests.average + r.requests.average },
        non2xx: sum.non2xx + r.non2xx,
        errors: sum.errors + r.errors,
        timeouts: sum.timeouts + r.timeouts,
        statusCodeStats: {},
      }));
      return { reads: await reads.done, writes, acknowledged };
    },
  };
}

/** The stored note of each item, read back through `port`. */
export async function storedNotes(port: number, cookie: string): Promise<Map<string, string | null>> {
  const response = await call(port, "/api/progress", { cookie });
  const { items } = (await response.json()) as { items: { itemId: string; note: string | null }[] };
  return new Map(items.map((item) => [item.itemId, item.note]));
}

export function failures(result: Result): number {
  return result.non2xx + result.errors + result.timeouts;
}

/** Whether the stored note is the acknowledged one or a later write. */
export function keepsWrite(stored: string | null | undefined, acknowledged: string): boolean {
  const number = (note: string | null | undefined) => Number(/^write (\d+)$/.exec(note ?? "")?.[1] ?? -1);
  return number(stored) >= number(acknowledged);
}
