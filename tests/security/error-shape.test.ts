// Finding 7: inputs that answered 500 (or an HTML page) now answer 4xx in the JSON error shape.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET, PATCH, POST, PUT } from "@/app/api/[...path]/route";
import { GET as historyGet } from "@/app/api/history/route";
import { installRequestGuards } from "@/lib/auth/server-requests";
import { authedRequest, createSignedInUser } from "../helpers/auth";

const cursorFor = (time: string) => Buffer.from(`${time}|someid`).toString("base64url");

describe("4xx in the JSON error shape, never a 500", () => {
  // A real HTTP server with the guards the production server installs (instrumentation.ts);
  // answering 200 shows a request reached the app behind them.
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installRequestGuards();
    server = http.createServer((_request, response) => response.end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(["+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "9999-99-99"])(
    "GET /api/history with a cursor at %s is a 400",
    async (time) => {
      const { cookie } = await createSignedInUser();
      const response = await historyGet(authedRequest(`/api/history?cursor=${cursorFor(time)}`, { cookie }), {});
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string; field?: string } }).error).toMatchObject({ code: "invalid_input", field: "cursor" });
    },
  );

  it.each(["/api/progress/%C0%AE", "/api/progress/%ZZ", "/api/plan?x=1&%ZZ", "/dashboard/%E0%A4%A"])("a path that does not decode (%s) is a JSON 400", async (path) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    if (path.includes("?")) {
      // Only the path must decode: a query string is the route's to validate.
      expect(response.status).toBe(200);
      return;
    }
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "The address is not valid." } });
  });

  it("lets a path that decodes through", async () => {
    expect((await fetch(`http://127.0.0.1:${port}/api/progress/aws-ml%20x`)).status).toBe(200);
  });

  it.each([
    ["GET", GET],
    ["POST", POST],
    ["PUT", PUT],
    ["PATCH", PATCH],
    ["DELETE", DELETE],
  ] as const)("%s on an unknown /api path is a JSON 404", async (method, handler) => {
    const response = await handler(authedRequest("/api/no-such-thing/here", { method, ...(method === "GET" ? {} : { body: "{}" }) }), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "There is no such API endpoint." } });
  });
});
