import { useId } from "react";

/** A labelled bar for a 0–100 value; works in server and client components. */
export function ProgressBar({ value, label, size = "md" }: { value: number; label: string; size?: "md" | "lg" }) {
  const id = useId();
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  const height = size === "lg" ? "h-4" : "h-2.5";
  return (
    <div>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={id} className="text-slate-700 dark:text-slate-300">
          {label}
        </span>
        <span className="whitespace-nowrap font-semibold tabular-nums">{clamped} %</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        className={`mt-1 ${height} w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800`}
      >
        <div className={`${height} rounded-full bg-blue-700 transition-[width] duration-300 dark:bg-blue-400`} style={{ width: `${clamped}%` }} />
      </div>
    </div>
  );
}
