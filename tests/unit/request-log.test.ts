import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { requestIdFrom, routeOf } from "@/scripts/request-log.mjs";

const token = "Qm9vdHN0cmFwcGVkLXRva2VuLXZhbHVlLTMyLWJ5dGVzLWxvbmc";

describe("routeOf (the path a log line and a metric show)", () => {
  it("never shows a token from a token link or a query string", () => {
    expect(routeOf(`/api/calendar/${token}.ics`)).toBe("/api/calendar/:token");
    expect(routeOf(`/share/${token}`)).toBe("/share/:token");
    expect(routeOf(`/reset-password?token=${token}`)).toBe("/reset-password");
    expect(routeOf(`/verify-email/${token}`)).toBe("/verify-email/:token");
    expect(routeOf(`/anything/${token}/more`)).toBe("/anything/:id/more");
  });

  it("keeps ordinary routes and folds ids and build assets", () => {
    expect(routeOf("/api/progress")).toBe("/api/progress");
    expect(routeOf("/api/progress/bachelors-computer-science")).toBe("/api/progress/bachelors-computer-science");
    expect(routeOf("/api/progress/cmhw3k2p50000abcdxyz12345")).toBe("/api/progress/:id");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/static");
  });
});

describe("requestIdFrom", () => {
  it("accepts a proxy's request id and rejects anything that could forge a log line", () => {
    expect(requestIdFrom("0f8e2c7a9b1d4e6f0a2b4c6d8e0f1a3b")).toBe("0f8e2c7a9b1d4e6f0a2b4c6d8e0f1a3b");
    expect(requestIdFrom('abc"}\n{"x')).toBeUndefined();
    expect(requestIdFrom("short")).toBeUndefined();
    expect(requestIdFrom(undefined)).toBeUndefined();
  });
});

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable or restarting database along the cause chain", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { code: "57P01", message: "terminating connection" } }))).toBe(true);
    expect(isDatabaseUnavailable({ name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseUnavailable({ name: "PrismaClientKnownRequestError", message: "", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "SocketTimeout" } } } })).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("UNIQUE constraint failed: User.email"), { code: "SQLITE_CONSTRAINT_UNIQUE" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
