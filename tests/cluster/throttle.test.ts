import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type Cluster, REDIS_PORT, register, signedInUser, signIn, startCluster, startRedis, stopRedis, strongPassword, uniqueEmail, waitForPort } from "./harness";

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({ label: "throttle", count: 3, basePort: 3313, nginxPort: 3391 });
});

afterAll(async () => {
  await cluster?.stop();
});

describe("sign-in throttling with three instances on one Redis", () => {
  it("counts failures across instances: the 11th failure on any instance is refused with 429", async () => {
    const email = uniqueEmail("throttled");
    const password = strongPassword();
    await register(cluster.nginxPort, email, password);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const port = cluster.ports[attempt % 3] as number;
      expect((await signIn(port, email, "Wrong password entirely 123")).status).toBe(401);
    }
    for (const port of cluster.ports) expect((await signIn(port, email, password)).status).toBe(429);
  });

  it("with Redis stopped, sign-in fails closed (503) and signed-in pages keep working", async () => {
    const user = await signedInUser(cluster.nginxPort);
    stopRedis();
    try {
      for (const port of cluster.ports) {
        const started = Date.now();
        expect((await signIn(port, user.email, user.password)).status).toBe(503);
        expect(Date.now() - started).toBeLessThan(6000);
        const progress = await call(port, "/api/progress", { cookie: user.cookie });
        expect(progress.status).toBe(200);
        const page = await call(port, "/dashboard", { cookie: user.cookie });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Cluster Person");
      }
    } finally {
      startRedis();
      await waitForPort(REDIS_PORT);
    }
    // Back without a restart once Redis is.
    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i += 1) {
      status = (await signIn(cluster.nginxPort, user.email, user.password)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
  });
});
