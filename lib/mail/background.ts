import "server-only";

// Work started by a request that the response does not wait for (mail sending), so a
// request's timing never depends on whether an account exists or SMTP is slow. Failures are
// logged, never thrown; tests and shutdown can wait for what is still running.

const holder = globalThis as typeof globalThis & { __ladderBackground?: Set<Promise<void>> };
holder.__ladderBackground ??= new Set();
const running = holder.__ladderBackground;

export function runInBackground(label: string, work: () => Promise<void>): void {
  const task = Promise.resolve()
    .then(work)
    .catch((error: unknown) => {
      console.error(`[ladder] ${label} failed:`, error instanceof Error ? error.message : error);
    })
    .finally(() => running.delete(task));
  running.add(task);
}

/** Resolves when every background task started so far has finished. */
export async function settleBackgroundWork(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
