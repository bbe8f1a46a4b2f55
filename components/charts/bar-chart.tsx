import { ChartTable } from "./chart-table";
import { pct } from "./scale";
import { ChartSvg } from "./chart-svg";

export type BarChartRow = {
  id: string;
  label: string;
  value: number;
  /** The exact value as printed beside the bar and in the table ("Score: 9"). */
  valueLabel: string;
};

type Props = {
  id: string;
  title: string;
  description: string;
  rows: readonly BarChartRow[];
  /** The value a full bar stands for. */
  max: number;
  columns: readonly [string, string];
};

const ROW_HEIGHT = 50;

/**
 * Horizontal bars out of `max`, label and value above each bar. Server-rendered SVG sized in
 * percentages; role="img" with title and description, plus a visually hidden data table.
 */
export function BarChart({ id, title, description, rows, max, columns }: Props) {
  const height = rows.length * ROW_HEIGHT - 12;

  return (
    <>
      <ChartSvg id={id} title={title} description={description} height={height}>
        {rows.map((row, i) => {
          const top = i * ROW_HEIGHT;
          return (
            <g key={row.id}>
              <text x="0" y={top + 15} className="fill-slate-900 text-[13px] font-medium sm:text-sm dark:fill-slate-50">
                {row.label}
              </text>
              <text
                x="100%"
                y={top + 15}
                textAnchor="end"
                className="fill-blue-800 text-[13px] font-semibold tabular-nums sm:text-sm dark:fill-blue-200"
              >
                {row.valueLabel}
              </text>
              <rect x="0" width="100%" y={top + 24} height={12} rx={6} className="fill-slate-100 dark:fill-slate-800" />
              <rect
                x="0"
                width={pct((Math.min(row.value, max) / max) * 100)}
                y={top + 24}
                height={12}
                rx={6}
                className="fill-blue-600 dark:fill-blue-400"
              />
            </g>
          );
        })}
      </ChartSvg>
      <ChartTable caption={title} columns={columns} rows={rows} />
    </>
  );
}
