import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Cluster, PG_PORT, pgCtl, queryDatabase, signedInUser, startCluster, waitForPort } from "./harness";

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({ label: "pgrestart", count: 2, basePort: 3319, nginxPort: 3393 });
});

afterAll(async () => {
  await cluster?.stop();
});

type Outcome = { status: number; ms: number; at: number; body: string; title?: string; note?: string };

const NOTE_ITEM = "bachelors-computer-science";

/**
 * One person per worker, alternating a write and a read until `isDone()`. The writes add a
 * certification (each one a new row, up to the per-person limit), then update a note in
 * sequence ("write 1", "write 2", …).
 */
async function loadUntil(port: number, cookie: string, isDone: () => boolean, outcomes: Outcome[]): Promise<void> {
  for (let n = 0; !isDone(); n += 1) {
    const isWrite = n % 2 === 0;
    const title = isWrite && n < 80 ? `Cert ${cookie.slice(-12)} ${n}` : undefined;
    const note = isWrite && !title ? `write ${n}` : undefined;
    const started = Date.now();
    let status = 0;
    let body = "";
    try {
      const response = title
        ? await call(port, "/api/certifications", { cookie, body: { title, issuer: "Cluster test" }, timeoutMs: 20_000 })
        : note
          ? await call(port, `/api/progress/${NOTE_ITEM}`, { method: "PUT", cookie, body: { status: "in_progress", note }, timeoutMs: 20_000 })
          : await call(port, "/api/progress", { cookie, timeoutMs: 20_000 });
      status = response.status;
      body = await response.text();
    } catch (error) {
      body = String(error);
    }
    outcomes.push({ status, ms: Date.now() - started, at: Date.now(), body, title, note: status === 200 ? note : undefined, cookie } as Outcome);
    if (status !== 200 && status !== 201) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("PostgreSQL restarted under load", () => {
  it("answers 503 quickly while it is down, recovers without a restart, and keeps every acknowledged write", async () => {
    const outcomes: Outcome[] = [];
    let done = false;
    const users = [];
    for (let i = 0; i < 6; i += 1) users.push(await signedInUser(cluster.nginxPort));
    const workers = users.map((user) => loadUntil(cluster.nginxPort, user.cookie, () => done, outcomes));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stoppedAt = Date.now();
    pgCtl("stop");
    await new Promise((resolve) => setTimeout(resolve, 4000));
    pgCtl("start");
    await waitForPort(PG_PORT);
    const restartedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 8000));
    done = true;
    await Promise.all(workers);

    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    console.info(`[cluster] PostgreSQL restart: ${outcomes.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${Math.max(...outcomes.map((o) => o.ms))} ms`);

    // Only successes and 503s with the JSON error shape; never a 500, never a hang.
    expect([...statuses.keys()].every((s) => s === 200 || s === 201 || s === 503)).toBe(true);
    for (const o of outcomes.filter((o) => o.status === 503)) expect(JSON.parse(o.body)).toMatchObject({ error: { code: "unavailable" } });
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(6000);
    const duringOutage = outcomes.filter((o) => o.at > stoppedAt + 500 && o.at < restartedAt);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    // Recovered: the last seconds of load all succeeded.
    const lastSeconds = outcomes.filter((o) => o.at > restartedAt + 5000);
    expect(lastSeconds.length).toBeGreaterThan(10);
    expect(lastSeconds.every((o) => o.status === 200 || o.status === 201)).toBe(true);
    // Every write that was acknowledged, before or after, is stored.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.title as string);
    const rows = await queryDatabase<{ title: string }>(cluster.databaseUrl, 'SELECT "title" FROM "CustomCertification"');
    const stored = new Set(rows.map((r) => r.title));
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((title) => !stored.has(title))).toEqual([]);
    const lastNotes = new Map<string, string>();
    for (const o of outcomes as (Outcome & { cookie: string })[]) if (o.note) lastNotes.set(o.cookie, o.note);
    for (const [cookie, note] of lastNotes) {
      const progress = (await (await call(cluster.nginxPort, "/api/progress", { cookie })).json()) as { items: { itemId: string; note: string | null }[] };
      const storedNote = progress.items.find((item) => item.itemId === NOTE_ITEM)?.note ?? "";
      expect(Number(storedNote.split(" ")[1])).toBeGreaterThanOrEqual(Number(note.split(" ")[1]));
    }
    // Readiness is back on every instance.
    for (const port of cluster.ports) expect((await call(port, "/api/health/ready")).status).toBe(200);
  });
});
