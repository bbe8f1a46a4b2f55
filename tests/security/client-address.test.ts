// Finding 3: per-address limits trusted a client's X-Forwarded-For, so a client picked its own
// bucket (and sign-up's 409 could enumerate accounts without limit, finding 5). Finding 7: TRACE
// answered 500, and a method a route does not export an empty 405.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";
import { installRequestGuards } from "@/lib/auth/server-requests";
import { randomIp, strongPassword, uniqueEmail } from "../helpers/auth";

type Holders = { __ladderRateLimit?: { store?: { close(): Promise<void> } } };
const holders = globalThis as Holders;

describe("the server writes the socket address; a client cannot forge it", () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    installRequestGuards();
    server = http.createServer((request, response) => {
      if (request.url === "/api/empty-405") {
        // What Next.js sends for a method a route does not export.
        response.statusCode = 405;
        response.flushHeaders();
        response.end();
        return;
      }
      response.end(JSON.stringify({ seen: request.headers[SOCKET_ADDRESS_HEADER] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("replaces a client's copy of the header with the socket address", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/auth/register`, {
      headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.10" },
    });
    expect(await response.json()).toEqual({ seen: "127.0.0.1" });
  });

  it("answers TRACE with a JSON 405 instead of a 500", async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method: "TRACE", path: "/" }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
      request.end();
    });
    expect(status).toBe(405);
    expect(JSON.parse(body)).toEqual({ error: { code: "method_not_allowed", message: "This method is not supported." } });
  });

  it("gives an empty 405 on an /api path the JSON error body", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/empty-405`, { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: "This method is not supported." } });
  });
});

describe("per-address limits count the socket address, not X-Forwarded-For", () => {
  afterEach(async () => {
    vi.unstubAllEnvs();
    await holders.__ladderRateLimit?.store?.close();
    delete holders.__ladderRateLimit;
    vi.resetModules();
  });

  it("a client sending a new X-Forwarded-For each time still reaches the sign-up limit", async () => {
    vi.stubEnv("REGISTER_MAX_PER_IP", "2");
    vi.resetModules();
    const { authedRequest } = await import("../helpers/auth");
    const { POST } = await import("@/app/api/auth/register/route");
    const socket = randomIp();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const request = authedRequest("/api/auth/register", {
        method: "POST",
        ip: socket,
        headers: { "x-forwarded-for": randomIp(), "x-real-ip": randomIp() },
        body: JSON.stringify({ email: uniqueEmail(), password: strongPassword() }),
      });
      statuses.push((await POST(request, {})).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });

  it("under TRUST_PROXY, the right-most X-Forwarded-For hop is the client", async () => {
    vi.stubEnv("REGISTER_MAX_PER_IP", "1");
    vi.stubEnv("TRUST_PROXY", "true");
    vi.resetModules();
    const { authedRequest } = await import("../helpers/auth");
    const { POST } = await import("@/app/api/auth/register/route");
    const proxy = randomIp();
    const register = (forwardedFor: string) =>
      POST(
        authedRequest("/api/auth/register", {
          method: "POST",
          ip: proxy,
          headers: { "x-forwarded-for": forwardedFor },
          body: JSON.stringify({ email: uniqueEmail(), password: strongPassword() }),
        }),
        {},
      );
    const client = randomIp();
    expect((await register(`${randomIp()}, ${client}`)).status).toBe(201);
    // The client's own left-hand entries change nothing: the proxy's entry is the same.
    expect((await register(`${randomIp()}, ${client}`)).status).toBe(429);
    expect((await register(randomIp())).status).toBe(201);
  });
});
