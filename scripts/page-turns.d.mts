import type { ServerResponse } from "node:http";

export const DEFAULT_PAGE_RENDERS: number;
export function pageRenderLimit(value: string | undefined): number;
export function isPageRequest(method: string | undefined, url: string | undefined): boolean;
export function createPageTurns(limit: number): {
  take(res: ServerResponse, render: () => void): void;
  readonly running: number;
  readonly waiting: number;
};
