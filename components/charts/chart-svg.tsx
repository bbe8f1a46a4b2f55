import type { ReactNode } from "react";

type Props = { id: string; title: string; description: string; height: number; children: ReactNode };

/** An SVG chart named for screen readers by its title and description. */
export function ChartSvg({ id, title, description, height, children }: Props) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg role="img" aria-labelledby={titleId} aria-describedby={descId} width="100%" height={height} className="block overflow-visible font-sans">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>
  );
}
