import "server-only";
import { z } from "zod";
import { requestOrigin } from "@/lib/auth/request-info";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { fromZodError, parseInput, parseInputAsync } from "@/lib/validation";

// The edge between HTTP and lib/: every route handler is wrapped in `route()`, reads its
// body with `readJson()` (its query with `readQuery()`), and lets errors map to `{"error":{"code","message"}}` here, once.

export const MAX_JSON_BYTES = 16 * 1024;

export type ErrorBody = { error: { code: string; message: string; field?: string } };

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
    const headers: Record<string, string> = { "Cache-Control": "no-store" };
    if (error.retryAfter !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfter)));
    return Response.json(body, { status: error.status, headers });
  }
  if (error instanceof z.ZodError) return errorResponse(fromZodError(error));
  if (isDatabaseUnavailable(error)) {
    console.warn("[ladder] database unavailable:", error instanceof Error ? error.message : error);
    return errorResponse(new AppError("unavailable", "Ladder is briefly unavailable. Please try again in a moment.", { retryAfter: 5 }));
  }
  // Never a stack trace to the client; the server log keeps the detail.
  console.error("[ladder] unhandled error in route", error);
  return Response.json({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } } satisfies ErrorBody, {
    status: 500,
    headers: { "Cache-Control": "no-store" },
  });
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler: refuses cross-site writes, maps every error to the JSON error shape. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Mutating requests from another site are refused (403). Browsers send Origin on every
 * cross-origin and every non-GET fetch; requests without one (curl, server-to-server) carry
 * no ambient browser cookies of a victim, so they are not a CSRF vector.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") throw new AppError("forbidden", "Cross-site requests are not allowed.");
  if (!origin) return;
  if (origin === "null" || !sameOrigin(origin, request)) {
    throw new AppError("forbidden", "Requests from another site are not allowed.");
  }
}

/** Scheme and host both count: an http page of this host cannot write to its https app. */
function sameOrigin(origin: string, request: Request): boolean {
  const env = getEnv();
  const expected = requestOrigin(request, { trustProxy: env.TRUST_PROXY, publicUrl: env.NEXTAUTH_URL });
  try {
    return expected !== null && new URL(origin).origin === expected;
  } catch {
    return false;
  }
}

/** Reads a JSON body of at most `maxBytes`, parsed and validated by a strict zod schema. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes = MAX_JSON_BYTES): Promise<z.infer<T>> {
  return parseInputAsync(schema, await readJsonValue(request, maxBytes));
}

/** The body parsed as JSON; its bytes and text are garbage once it returns (decision record 018). */
async function readJsonValue(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readTextLimited(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
}

/** The query string, parsed and validated by a strict zod schema. */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return parseInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${Math.floor(maxBytes / 1024)} kB.`);
}

export async function readTextLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBytesLimited(request, maxBytes));
}

/**
 * The body's bytes; past maxBytes the read stops and `tooLargeError` is thrown. Read into one
 * buffer of the declared Content-Length (grown if the body is longer), not collected as chunks
 * and joined at the end, which held a large body twice (decision record 018).
 */
export async function readBytesLimited(request: Request, maxBytes: number, tooLargeError: () => AppError = () => tooLarge(maxBytes)): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const declared = Number(request.headers.get("content-length"));
  let buffer = Buffer.allocUnsafe(Number.isSafeInteger(declared) && declared > 0 && declared <= maxBytes ? declared : Math.min(maxBytes, 64 * 1024));
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLargeError();
    }
    if (size + value.byteLength > buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(buffer.length * 2, size + value.byteLength)));
      buffer.copy(grown, 0, 0, size);
      buffer = grown;
    }
    buffer.set(value, size);
    size += value.byteLength;
  }
  return buffer.subarray(0, size);
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return Response.json(data, { ...init, headers });
}

/** Entity tags in an If-None-Match value; a tag may itself contain commas, so split by pattern. */
const ENTITY_TAG = /\*|(?:W\/)?"[^"]*"/g;

/**
 * True when the request's If-None-Match names `etag` (a quoted strong tag), so a 304 may be
 * sent. RFC 9110 §13.1.2: weak comparison (W/ ignored), a comma-separated list, or "*".
 */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  const wanted = etag.replace(/^W\//, "");
  for (const [tag] of header.matchAll(ENTITY_TAG)) {
    if (tag === "*" || tag.replace(/^W\//, "") === wanted) return true;
  }
  return false;
}
