// Finds every API route handler under app/api and calls the one a path belongs to, the way
// Next.js would route it: folders are path segments, [id] is one segment, [...rest] the rest.
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ApiRoute = { pattern: string; file: string; regex: RegExp; params: { name: string; isCatchAll: boolean }[] };

const APP_DIR = path.resolve(__dirname, "..", "..", "app");

export function findApiRoutes(): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") routes.push(toRoute(full));
    }
  };
  walk(path.join(APP_DIR, "api"));
  // Static segments win over dynamic ones, as in Next.js.
  return routes.sort((a, b) => dynamicWeight(a.pattern) - dynamicWeight(b.pattern));
}

function dynamicWeight(pattern: string): number {
  return (pattern.match(/\[\.\.\./g)?.length ?? 0) * 100 + (pattern.match(/\[/g)?.length ?? 0);
}

function toRoute(file: string): ApiRoute {
  // Route groups "(name)" are not part of the URL.
  const segments = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  const params: ApiRoute["params"] = [];
  const regex = segments
    .map((segment) => {
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment);
      if (catchAll) {
        params.push({ name: catchAll[1] as string, isCatchAll: true });
        return "(.+)";
      }
      const dynamic = /^\[(.+)\]$/.exec(segment);
      if (dynamic) {
        params.push({ name: dynamic[1] as string, isCatchAll: false });
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { pattern: `/${segments.join("/")}`, file, regex: new RegExp(`^/${regex}/?$`), params };
}

export function matchRoute(routes: ApiRoute[], pathname: string): { route: ApiRoute; params: Record<string, string | string[]> } | null {
  for (const route of routes) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const params: Record<string, string | string[]> = {};
    route.params.forEach((param, index) => {
      const value = decodeURIComponent(match[index + 1] ?? "");
      params[param.name] = param.isCatchAll ? value.split("/") : value;
    });
    return { route, params };
  }
  return null;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export async function exportedMethods(route: ApiRoute): Promise<HttpMethod[]> {
  const module = (await import(route.file)) as Partial<Record<string, unknown>>;
  return HTTP_METHODS.filter((method) => typeof module[method] === "function");
}

/** Calls the route handler that serves `request` (404 when none does, 405 when it lacks the method). */
export async function dispatch(routes: ApiRoute[], request: Request): Promise<Response> {
  const found = matchRoute(routes, new URL(request.url).pathname);
  if (!found) return new Response(null, { status: 404 });
  const module = (await import(found.route.file)) as Partial<Record<string, Handler>>;
  const handler = module[request.method];
  if (!handler) return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(found.params) });
}
