import "server-only";
import http from "node:http";
import { SOCKET_ADDRESS_FLAG, SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";

// Route handlers cannot see the socket, and Next.js keeps a client's own X-Forwarded-For. So
// the server process writes each request's socket address into SOCKET_ADDRESS_HEADER,
// replacing any copy the client sent, before Next.js reads the request. Installed once from
// instrumentation.ts; the flag tells lib/auth/request-info.ts that the header can be trusted.

export function installSocketAddressHeader(): void {
  const flags = globalThis as Record<symbol, unknown>;
  if (flags[SOCKET_ADDRESS_FLAG] === true) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithSocketAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    const request = args[0] as http.IncomingMessage | undefined;
    if (event === "request" && request?.headers) request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  flags[SOCKET_ADDRESS_FLAG] = true;
}
