import "server-only";
import { getRateLimitStore, type RateLimitStore } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

// The public verifier fetches status lists and hosted assertions for anyone: it is throttled
// per client address, in the same shared store as sign-in throttling.

export const PUBLIC_VERIFY_MAX = 30;
export const PUBLIC_VERIFY_WINDOW_MS = 10 * 60 * 1000;

export async function countPublicVerification(ip: string, store: RateLimitStore = getRateLimitStore()): Promise<void> {
  await count(`verify:ip:${ip}`, store);
}

/** A signed-in person's checks make outgoing fetches too: the same limit, per person. */
export async function countCertificationVerification(userId: string, store: RateLimitStore = getRateLimitStore()): Promise<void> {
  await count(`verify:user:${userId}`, store);
}

async function count(key: string, store: RateLimitStore): Promise<void> {
  let counter: Awaited<ReturnType<RateLimitStore["increment"]>>;
  try {
    counter = await store.increment(key, PUBLIC_VERIFY_WINDOW_MS);
  } catch {
    throw new AppError("unavailable", "Verification is unavailable for a moment. Please try again in a minute.", { retryAfter: 60 });
  }
  if (counter.count > PUBLIC_VERIFY_MAX) {
    const retryAfter = Math.max(1, Math.ceil((counter.resetAt.getTime() - Date.now()) / 1000));
    throw new AppError("rate_limited", `Too many checks. Try again in ${Math.ceil(retryAfter / 60)} minutes.`, { retryAfter });
  }
}
