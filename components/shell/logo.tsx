/**
 * The wordmark: a small ladder glyph and "Ladder". The glyph is decorative. `isCompactOnPhone`
 * shows the glyph alone below the `sm` breakpoint, where the signed-in header needs the room;
 * the link around it then carries the name.
 */
export function Logo({ isCompactOnPhone = false }: { isCompactOnPhone?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-base font-semibold sm:gap-2 sm:text-lg tracking-tight text-slate-900 dark:text-white">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26" className="size-5 shrink-0 sm:size-[26px]">
        <rect width="24" height="24" rx="6" className="fill-blue-700 dark:fill-blue-500" />
        <path d="M8 5v14M16 5v14M8 8.5h8M8 12h8M8 15.5h8" className="stroke-white" strokeWidth="1.8" strokeLinecap="round" fill="none" />
      </svg>
      <span className={isCompactOnPhone ? "max-sm:sr-only" : undefined}>Ladder</span>
    </span>
  );
}
