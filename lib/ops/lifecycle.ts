import "server-only";
import { closeRateLimitStore } from "@/lib/auth/rate-limit";
import { closeDatabase, databasePoolStats, type PoolStats } from "@/lib/db";

// What the app shares with the process that serves it (scripts/server.mjs) through one
// global: the server marks the instance as draining on SIGTERM, and calls `close` once the
// requests in flight have finished; its metrics read `poolStats`.
export type Lifecycle = { isDraining: boolean; close?: () => Promise<void>; poolStats?: () => PoolStats | null };

const holder = globalThis as typeof globalThis & { __ladderLifecycle?: Lifecycle };

export function getLifecycle(): Lifecycle {
  holder.__ladderLifecycle ??= { isDraining: false };
  return holder.__ladderLifecycle;
}

export function registerLifecycle({ stopReminders }: { stopReminders: () => Promise<void> }): void {
  const lifecycle = getLifecycle();
  lifecycle.close = async () => {
    // A reminder pass under way finishes first; no new one starts while connections close.
    await stopReminders();
    await closeRateLimitStore();
    await closeDatabase();
  };
  lifecycle.poolStats = databasePoolStats;
}
