/**
 * Linear scale from a data domain to a percentage of the plot width. Charts position with
 * percentages (not a viewBox) so the SVG fills any width while its text keeps its real size.
 */
export function percentScale(domain: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const span = d1 - d0 || 1;
  return (value) => ((value - d0) / span) * 100;
}

/** Round ticks (a step of 1, 2, 2.5 or 5 × 10^n) covering `values`, about `count` of them. */
export function niceTicks(values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const raw = (hi - lo) / Math.max(1, count - 1) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { domain: [start, end], ticks };
}

/** "$150k": axis ticks only; every article figure is printed in full elsewhere. */
export function formatThousands(value: number): string {
  return value === 0 ? "$0" : `$${Math.round(value / 1000)}k`;
}

/** Percentage as an SVG length, trimmed so the markup stays short and stable. */
export function pct(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}
