import "server-only";
import http from "node:http";
import { SOCKET_ADDRESS_FLAG, SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";

// What the server process does with each request before Next.js sees it (installed once
// from instrumentation.ts):
// - writes the socket address into SOCKET_ADDRESS_HEADER, replacing any copy the client sent.
//   Route handlers cannot see the socket, and Next.js keeps a client's own X-Forwarded-For;
//   the flag tells lib/auth/request-info.ts that the header can be trusted.
// - answers TRACE and TRACK with a JSON 405: Next.js cannot build a fetch Request for them and
//   would answer 500.

const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);
const INSTALLED = Symbol.for("ladder.requestGuards");

function refuse(response: http.ServerResponse): void {
  const body = JSON.stringify({ error: { code: "method_not_allowed", message: "This method is not supported." } });
  response.writeHead(405, { "Content-Type": "application/json", "Cache-Control": "no-store", Allow: "GET, HEAD, POST, PUT, PATCH, DELETE" });
  response.end(body);
}

export function installRequestGuards(): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[INSTALLED] === true) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitGuarded(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (REFUSED_METHODS.has(request.method ?? "")) {
        refuse(response);
        return true;
      }
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  flags[INSTALLED] = true;
  flags[SOCKET_ADDRESS_FLAG] = true;
}
