import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/ready/route";
import { GET as liveness } from "@/app/api/health/route";
import { getLifecycle } from "@/lib/ops/lifecycle";

describe("GET /api/health/ready", () => {
  afterEach(() => {
    getLifecycle().isDraining = false;
  });

  it("is ready when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", db: "ok" });
  });

  it("fails while the instance shuts down, while liveness keeps answering", async () => {
    getLifecycle().isDraining = true;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "draining" });
    expect((await liveness()).status).toBe(200);
  });
});
