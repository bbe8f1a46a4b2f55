export const TOKEN_PREFIXES: string[];
export function routeOf(url: string | undefined): string;
export function requestIdFrom(value: string | string[] | undefined): string | undefined;
