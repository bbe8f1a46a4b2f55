// The browser side of the JSON API, shared by every client component: one fetch helper that
// turns the API's {"error":{"code","message","field"}} shape (and a 429's Retry-After) into
// an ApiError the UI can show.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterHeader = Number(response.headers.get("retry-after"));
  const retryAfter = Number.isFinite(retryAfterHeader) && retryAfterHeader > 0 ? retryAfterHeader : undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    if (body.error?.message) {
      return new ApiError(response.status, body.error.code ?? "error", body.error.message, body.error.field, retryAfter);
    }
  } catch {
    // Not JSON: fall through to a generic message.
  }
  return new ApiError(response.status, "error", "Something went wrong. Please try again.", undefined, retryAfter);
}

export async function fetchJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const merged = new Headers(headers);
  merged.set("Accept", "application/json");
  // A JSON value, or a body already serialised by the caller, is sent as JSON unless the
  // caller named another type (the next-auth forms send urlencoded bodies).
  if ((json !== undefined || typeof rest.body === "string") && !merged.has("Content-Type")) {
    merged.set("Content-Type", "application/json");
  }
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: merged,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok) {
    const error = await toApiError(response);
    // A session that ended (signed out elsewhere, expired) explained in the person's words.
    if (error.status === 401 && error.code === "unauthorized") {
      throw new ApiError(401, "unauthorized", "You have been signed out. Please sign in again.");
    }
    throw error;
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * What to show for a failed call: the API's own sentence, which for a 429 already says when to
 * try again in its own terms ("in a few seconds", "tomorrow"); an answer without one (a proxy's
 * 429) gets the wait from its Retry-After.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.status === 429 && error.code === "error") {
    return error.retryAfter ? `Too many requests. Try again in ${describeRetryAfter(error.retryAfter)}.` : "Too many requests. Please try again later.";
  }
  return error.message;
}
