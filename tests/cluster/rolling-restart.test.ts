import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollingRestart } from "../../deploy/cluster.mjs";
import { type Cluster, signedInUser, startCluster } from "./harness";
import { failures, keepsWrite, startLoad, storedNotes, WRITE_ITEMS } from "./load";

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({ label: "rolling", count: 3, basePort: 3316, nginxPort: 3392 });
});

afterAll(async () => {
  await cluster?.stop();
});

describe("rolling restart behind nginx", () => {
  it("restarts every instance, one at a time, under reads and writes without a failed request or a lost write", async () => {
    const user = await signedInUser(cluster.nginxPort);
    const load = startLoad(cluster.nginxPort, user.cookie);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const restart = await rollingRestart(cluster.instances, cluster.start);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { reads, writes, acknowledged } = await load.stop();
    console.info(
      `[cluster] rolling restart of ${cluster.instances.length} instances took ${restart.seconds.toFixed(1)} s; ` +
        `${reads.requests.total} reads and ${writes.requests.total} writes, ${failures(reads) + failures(writes)} failed`,
    );
    expect(restart.exitCodes).toEqual([0, 0, 0]);
    expect({ reads: failures(reads), writes: failures(writes) }).toEqual({ reads: 0, writes: 0 });
    expect(reads.requests.total).toBeGreaterThan(100);
    expect(acknowledged.size).toBe(WRITE_ITEMS.length);
    const stored = await storedNotes(cluster.nginxPort, user.cookie);
    for (const [item, note] of acknowledged) expect(keepsWrite(stored.get(item), note), `${item}: stored ${stored.get(item)}, acknowledged ${note}`).toBe(true);
  });
});
