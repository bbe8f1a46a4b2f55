// The browser side of the JSON API: one fetch helper that turns the API's error shape into
// an ApiError the UI can show, and the query keys the dashboard shares.

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network", "Could not reach Ladder. Check your connection and try again.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    if (response.status === 401) throw new ApiError(401, "unauthorized", "You have been signed out. Please sign in again.");
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? "Something went wrong on our side. Please try again.",
      error?.field,
    );
  }
  return body as T;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Please try again.";
}

export const queryKeys = {
  progress: ["progress"] as const,
  ladder: ["ladder"] as const,
  certifications: ["certifications"] as const,
};

/** Every checklist write shares this key, so "is another one still running?" can be asked. */
export const PROGRESS_MUTATION_KEY = ["progress", "set"] as const;
