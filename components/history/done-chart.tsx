import { formatDate } from "@/lib/format";
import type { DonePoint } from "@/lib/history/types";

/** The plan line: from today's count to the count the goal needs by its date. */
export type PlanTarget = { today: string; date: string; done: number; rungTitle: string };

const HEIGHT = 200;
const PAD = { top: 16, right: 16, bottom: 32, left: 36 };
// The SVG scales with its box, and its text with it: drawn once for a phone's width and once
// for wider screens, the labels stay about 12 px tall on both.
const LAYOUTS = [
  { width: 320, className: "h-auto w-full sm:hidden" },
  { width: 600, className: "hidden h-auto w-full sm:block" },
] as const;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

function StepLine({
  points,
  max,
  width,
  className,
  plan,
}: { points: readonly DonePoint[]; max: number; width: number; className: string; plan?: PlanTarget }) {
  const first = day(points[0]?.date ?? "");
  const last = Math.max(day(points[points.length - 1]?.date ?? ""), first + 86_400_000, plan ? day(plan.date) : 0);
  const x = (iso: string) => PAD.left + ((day(iso) - first) / (last - first)) * (width - PAD.left - PAD.right);
  const y = (n: number) => HEIGHT - PAD.bottom - (n / max) * (HEIGHT - PAD.top - PAD.bottom);
  let d = "";
  points.forEach((p, i) => {
    d += i === 0 ? `M ${x(p.date)} ${y(p.done)}` : ` H ${x(p.date)} V ${y(p.done)}`;
  });
  const latest = points[points.length - 1];
  d += ` H ${plan ? x(plan.today) : width - PAD.right}`;
  return (
    <svg viewBox={`0 0 ${width} ${HEIGHT}`} className={className} aria-hidden="true">
      {[0, Math.round(max / 2), max].map((n) => (
        <g key={n}>
          <line x1={PAD.left} x2={width - PAD.right} y1={y(n)} y2={y(n)} className="stroke-slate-200 dark:stroke-slate-800" />
          <text x={PAD.left - 6} y={y(n) + 4} fontSize={12} textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
            {n}
          </text>
        </g>
      ))}
      <path d={d} fill="none" strokeWidth={3} className="stroke-green-700 dark:stroke-green-400" />
      {plan ? (
        <path
          data-testid="plan-line"
          d={`M ${x(plan.today)} ${y(latest?.done ?? 0)} L ${x(plan.date)} ${y(plan.done)}`}
          fill="none"
          strokeWidth={2}
          strokeDasharray="6 4"
          className="stroke-blue-700 dark:stroke-blue-300"
        />
      ) : null}
      <text x={PAD.left} y={HEIGHT - 8} fontSize={12} className="fill-slate-600 dark:fill-slate-400">
        {formatDate(points[0]?.date ?? "")}
      </text>
      {points.length > 1 || plan ? (
        <text x={width - PAD.right} y={HEIGHT - 8} fontSize={12} textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
          {formatDate(plan?.date ?? latest?.date ?? "")}
        </text>
      ) : null}
    </svg>
  );
}

/** Items done over time as a step line; a table with the same numbers follows for screen readers. */
export function DoneChart({ points, total, plan }: { points: readonly DonePoint[]; total: number; plan?: PlanTarget }) {
  if (points.length === 0) {
    return <p className="text-slate-700 dark:text-slate-300">Nothing marked done yet: the chart starts with your first finished item.</p>;
  }
  const max = Math.max(total, 1);
  const latest = points[points.length - 1];

  return (
    <figure>
      {LAYOUTS.map((layout) => (
        <StepLine key={layout.width} points={points} max={max} width={layout.width} className={layout.className} plan={plan} />
      ))}
      <figcaption className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Items done over time, as you recorded them: {latest?.done ?? 0} of {total} done now.
        {plan ? ` Dashed: your plan, about ${plan.done} done by ${formatDate(plan.date)} to reach ${plan.rungTitle}.` : ""}
      </figcaption>
      {/* sr-only sits on a wrapper: a table ignores `width: 1px` and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Items done at the end of each day that changed the count</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Items done</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.date}>
                <td>{formatDate(p.date)}</td>
                <td>{p.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
