import { ASPIRING_TITLE } from "@/lib/catalog";
import { formatSalaryBand } from "@/lib/format";
import type { LevelStatus, RungDTO } from "@/lib/ladder";

const RUNG_GAP = 72;
const TOP = 56;
const LEFT_RAIL = 100;
const RIGHT_RAIL = 172;
const LABEL_X = 186;

/**
 * The five rungs drawn bottom to top, reached rungs highlighted and a "You are here" marker
 * at the current one (below the ladder while the person is Aspiring MLE). The list next to
 * it on the page carries the same information as text.
 */
export function LadderDiagram({ levels, current }: { levels: readonly LevelStatus[]; current: RungDTO | null }) {
  const count = levels.length;
  const groundY = TOP + count * RUNG_GAP;
  const height = groundY + 40;
  const yOf = (index: number) => TOP + (count - 1 - index) * RUNG_GAP;
  const currentIndex = current ? levels.findIndex((l) => l.id === current.id) : -1;
  const markerY = currentIndex >= 0 ? yOf(currentIndex) : groundY;
  const hereText = current ? `You are here: ${current.title}.` : `You are here: ${ASPIRING_TITLE}, below the first rung.`;

  return (
    <svg
      viewBox={`0 0 360 ${height}`}
      role="img"
      aria-labelledby="ladder-svg-title ladder-svg-desc"
      className="h-auto w-full max-w-md"
    >
      <title id="ladder-svg-title">The Machine Learning Engineer ladder</title>
      <desc id="ladder-svg-desc">
        {`${count} rungs from ${levels[0]?.title ?? ""} at the bottom to ${levels[count - 1]?.title ?? ""} at the top. ${levels.filter((l) => l.reached).length} reached. ${hereText}`}
      </desc>
      <line x1={LEFT_RAIL} y1={TOP - 36} x2={LEFT_RAIL} y2={groundY + 8} strokeWidth={6} strokeLinecap="round" className="stroke-slate-400 dark:stroke-slate-500" />
      <line x1={RIGHT_RAIL} y1={TOP - 36} x2={RIGHT_RAIL} y2={groundY + 8} strokeWidth={6} strokeLinecap="round" className="stroke-slate-400 dark:stroke-slate-500" />
      <line x1={LEFT_RAIL - 40} y1={groundY + 8} x2={RIGHT_RAIL + 40} y2={groundY + 8} strokeWidth={2} className="stroke-slate-300 dark:stroke-slate-700" />
      {levels.map((level, index) => {
        const y = yOf(index);
        return (
          <g key={level.id}>
            <line
              x1={LEFT_RAIL}
              y1={y}
              x2={RIGHT_RAIL}
              y2={y}
              strokeWidth={level.reached ? 8 : 5}
              strokeLinecap="round"
              className={level.reached ? "stroke-green-700 dark:stroke-green-400" : "stroke-slate-300 dark:stroke-slate-600"}
            />
            <text x={LABEL_X} y={y - 2} fontSize={15} fontWeight={600} className="fill-slate-900 dark:fill-slate-100">
              {level.shortTitle}
            </text>
            <text x={LABEL_X} y={y + 16} fontSize={12} className="fill-slate-700 dark:fill-slate-300">
              {formatSalaryBand(level.salaryMin, level.salaryMax)}
            </text>
          </g>
        );
      })}
      <g>
        <rect x={0} y={markerY - 13} width={90} height={26} rx={13} className="fill-blue-700 dark:fill-blue-300" />
        <text x={45} y={markerY + 4.5} fontSize={12} fontWeight={700} textAnchor="middle" className="fill-white dark:fill-slate-950">
          You are here
        </text>
        <path d={`M 89 ${markerY - 6} L 97 ${markerY} L 89 ${markerY + 6} Z`} className="fill-blue-700 dark:fill-blue-300" />
      </g>
      {current ? null : (
        <text x={LABEL_X} y={groundY + 5} fontSize={13} className="fill-slate-700 dark:fill-slate-300">
          {ASPIRING_TITLE}
        </text>
      )}
    </svg>
  );
}
