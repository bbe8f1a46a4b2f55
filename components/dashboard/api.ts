// The dashboard's API calls and the query keys its components share.
import { ApiError, fetchJson } from "@/components/api/fetch-json";

export { ApiError };

/** fetchJson, with a refused session explained in the dashboard's words. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  try {
    return await fetchJson<T>(path, init);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw new ApiError(401, "unauthorized", "You have been signed out. Please sign in again.");
    }
    throw error;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong. Please try again.";
}

export const queryKeys = {
  progress: ["progress"] as const,
  ladder: ["ladder"] as const,
  certifications: ["certifications"] as const,
  plan: ["plan"] as const,
};

/** Every checklist write shares this key, so "is another one still running?" can be asked. */
export const PROGRESS_MUTATION_KEY = ["progress", "set"] as const;
