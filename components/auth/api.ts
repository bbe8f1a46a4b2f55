// Browser-side calls to the auth and account API. Errors come back as ApiError
// (components/api/fetch-json.ts), for 429 with the Retry-After seconds.
import { fetchJson } from "@/components/api/fetch-json";

async function csrfToken(): Promise<string> {
  const { csrfToken } = await fetchJson<{ csrfToken: string }>("/api/auth/csrf");
  return csrfToken;
}

function form(values: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
  };
}

/** Signs in with email and password; resolves to the same-site path to continue to. */
export async function signInWithPassword(input: { email: string; password: string; callbackUrl: string }): Promise<string> {
  const token = await csrfToken();
  const { url } = await fetchJson<{ url: string }>(
    "/api/auth/callback/credentials",
    form({ email: input.email, password: input.password, callbackUrl: input.callbackUrl, csrfToken: token, json: "true" }),
  );
  return url;
}

/** Starts a GitHub or Google sign-in; resolves to the provider's page to go to. */
export async function startOAuthSignIn(providerId: string, callbackUrl: string): Promise<string> {
  const token = await csrfToken();
  const { url } = await fetchJson<{ url: string }>(`/api/auth/signin/${encodeURIComponent(providerId)}`, form({ callbackUrl, csrfToken: token, json: "true" }));
  return url;
}

export async function signOut(): Promise<void> {
  const token = await csrfToken();
  await fetchJson("/api/auth/signout", form({ csrfToken: token, json: "true" }));
}

export type RegisterRequest = { email: string; password: string; name?: string };

export function register(input: RegisterRequest): Promise<{ user: { id: string; email: string; name: string | null } }> {
  return fetchJson("/api/auth/register", { method: "POST", json: input });
}
