/**
 * Today's date on the server, as "YYYY-MM-DD" in UTC. The one place the ladder's "today" is
 * read from a clock; lib/ladder stays pure and receives it as an argument.
 */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `iso` ("YYYY-MM-DD") moved by `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const time = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}
