// PLACEHOLDER until the accounts branch merges: replaced wholesale.
import crypto from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

/** Marks this file as the stand-in: route tests that need a real session skip while it is here. */
export const isAuthPlaceholder = true;

export async function createSignedInUser(
  overrides: Partial<{ email: string; name: string | null; password: string }> = {},
): Promise<{ user: SessionUser; cookie: string; password: string }> {
  const password = overrides.password ?? `pw-${crypto.randomUUID()}`;
  const row = await getDb().user.create({
    data: {
      email: overrides.email ?? `user-${crypto.randomUUID()}@example.test`,
      name: overrides.name ?? null,
    },
  });
  return { user: { id: row.id, email: row.email, name: row.name, trackId: row.trackId }, cookie: "", password };
}

export function authedRequest(url: string, init: RequestInit & { cookie: string }): Request {
  const { cookie, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (cookie) headers.set("Cookie", cookie);
  headers.set("Origin", "http://localhost:3000");
  return new Request(url, { ...rest, headers });
}
