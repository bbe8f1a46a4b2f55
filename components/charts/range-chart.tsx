import { ChartTable } from "./chart-table";
import { niceTicks, pct, percentScale } from "./scale";
import { ChartSvg } from "./chart-svg";

export type RangeChartRow = {
  id: string;
  label: string;
  min: number;
  max: number;
  /** The exact figures, printed beside the bar and in the table ("$84,563 – $109,500"). */
  valueLabel: string;
};

type Props = {
  /** Prefix for the ids that tie the SVG to its title and description. */
  id: string;
  title: string;
  description: string;
  rows: readonly RangeChartRow[];
  formatTick: (value: number) => string;
  /** Column headings of the equivalent data table, e.g. ["Rung", "Salary band"]. */
  columns: readonly [string, string];
};

const ROW_HEIGHT = 80;
const AXIS_HEIGHT = 30;

// Text that may cross a grid line gets a halo in the card's own colour.
const HALO = "[paint-order:stroke] stroke-white stroke-[5px] [stroke-linejoin:round] dark:stroke-slate-900";

/**
 * A horizontal range chart: one row per item, a bar from min to max on a shared axis.
 * Server-rendered SVG sized in percentages, so it fits a phone and a desktop without scaling
 * its text; role="img" with title and description, plus a visually hidden data table.
 */
export function RangeChart({ id, title, description, rows, formatTick, columns }: Props) {
  const { domain, ticks } = niceTicks(rows.flatMap((row) => [row.min, row.max]));
  const x = percentScale(domain);
  const plotHeight = rows.length * ROW_HEIGHT;
  const height = plotHeight + AXIS_HEIGHT;

  return (
    <>
      <ChartSvg id={id} title={title} description={description} height={height}>

        {/* Lanes first, grid over them, bars and labels on top. */}
        {rows.map((row, i) => (
          <rect
            key={row.id}
            x="0"
            width="100%"
            y={i * ROW_HEIGHT + 50}
            height={10}
            rx={5}
            className="fill-slate-100 dark:fill-slate-800/70"
          />
        ))}
        {ticks.map((tick, i) => (
          <g key={tick}>
            <line
              x1={pct(x(tick))}
              x2={pct(x(tick))}
              y1={0}
              y2={plotHeight}
              className="stroke-slate-200 dark:stroke-slate-700"
              strokeDasharray={i === 0 ? undefined : "3 4"}
            />
            <text
              x={pct(x(tick))}
              y={plotHeight + 20}
              textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
              className="fill-slate-600 text-xs tabular-nums dark:fill-slate-400"
            >
              {formatTick(tick)}
            </text>
          </g>
        ))}

        {rows.map((row, i) => {
          const top = i * ROW_HEIGHT;
          const start = x(row.min);
          const end = x(row.max);
          // The figures sit on the bar's longer free side, so they never leave the chart.
          const isLabelAtStart = (start + end) / 2 < 50;
          return (
            <g key={row.id}>
              <text x="0" y={top + 18} className={`fill-slate-900 text-sm font-semibold dark:fill-slate-50 ${HALO}`}>
                {row.label}
              </text>
              <text
                x={pct(isLabelAtStart ? start : end)}
                y={top + 40}
                textAnchor={isLabelAtStart ? "start" : "end"}
                className={`fill-blue-800 text-[13px] font-medium tabular-nums dark:fill-blue-200 ${HALO}`}
              >
                {row.valueLabel}
              </text>
              <rect
                x={pct(start)}
                width={pct(end - start)}
                y={top + 48}
                height={14}
                rx={7}
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
