import "server-only";
import dns from "node:dns/promises";
import https from "node:https";
import net from "node:net";
import { CredentialFailure } from "./failure";

// The only way the verifier reaches the network: https only, never to loopback, private,
// link-local or metadata addresses (checked after DNS resolution, on every redirect, and the
// connection goes to the address that was checked, so DNS cannot change it in between),
// 5 seconds and 1 MB at most.

export const FETCH_TIMEOUT_MS = 5000;
export const FETCH_MAX_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;

/**
 * Hosts the test suite's local https server runs on. Only ever passed as a function argument
 * by tests: no environment variable or configuration can fill it, so production cannot.
 */
export type TestAllowList = { hosts: string[]; ca: string };

export type FetchOptions = { testAllowList?: TestAllowList; accept?: string };

export type FetchedDocument = { url: string; contentType: string; body: Buffer };

/** True for addresses a server-side fetch must never reach. */
export function isBlockedAddress(address: string): boolean {
  if (net.isIPv4(address)) return isBlockedV4(address);
  if (!net.isIPv6(address)) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return isBlockedV4(mapped[1]);
  const first = Number.parseInt(lower.split(":")[0] || "0", 16);
  return (
    lower === "::" ||
    lower === "::1" ||
    lower.startsWith("::ffff:") ||
    lower.startsWith("64:ff9b:") || // NAT64 can reach private IPv4
    (first & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (first & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (first & 0xff00) === 0xff00 || // multicast
    lower.startsWith("2001:db8:") ||
    lower.startsWith("2002:") // 6to4 wraps any IPv4
  );
}

function isBlockedV4(address: string): boolean {
  const [a = 0, b = 0, c = 0] = address.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

function parseHttpsUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CredentialFailure("unreachable", "The address is not a valid link.");
  }
  if (url.protocol !== "https:") throw new CredentialFailure("unreachable", "Only https links are fetched.");
  if (url.username || url.password) throw new CredentialFailure("unreachable", "Links with a user name or password are not fetched.");
  return url;
}

async function resolvePublicAddress(hostname: string): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (net.isIP(host)) {
    addresses = [{ address: host, family: net.isIP(host) }];
  } else {
    try {
      addresses = await dns.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new CredentialFailure("unreachable", `The host ${host} could not be found.`);
    }
  }
  // Every address must be public: one private answer is enough to refuse.
  if (addresses.length === 0 || addresses.some((entry) => isBlockedAddress(entry.address))) {
    throw new CredentialFailure("unreachable", `${host} is a private or local address, which Ladder does not contact.`);
  }
  return addresses[0] as { address: string; family: number };
}

function requestOnce(url: URL, pinned: { address: string; family: number } | null, options: FetchOptions, deadline: number) {
  return new Promise<{ status: number; location?: string; contentType: string; body: Buffer }>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new CredentialFailure("unreachable", "The server took longer than 5 seconds."));
    const request = https.request(
      url,
      {
        method: "GET",
        headers: { accept: options.accept ?? "application/json, application/ld+json, */*;q=0.5", "user-agent": "Ladder credential verifier" },
        ...(pinned
          ? {
              lookup: (_host: string, _opts: unknown, callback: (error: Error | null, address: string, family: number) => void) =>
                callback(null, pinned.address, pinned.family),
            }
          : {}),
        ...(pinned ? {} : { ca: options.testAllowList?.ca }),
        agent: false,
        timeout: remaining,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          return resolve({ status, location: response.headers.location, contentType: "", body: Buffer.alloc(0) });
        }
        const declared = Number(response.headers["content-length"] ?? "0");
        if (declared > FETCH_MAX_BYTES) {
          response.destroy();
          return reject(new CredentialFailure("unreachable", "The document is larger than 1 MB."));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > FETCH_MAX_BYTES) {
            response.destroy();
            reject(new CredentialFailure("unreachable", "The document is larger than 1 MB."));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ status, contentType: String(response.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }));
        response.on("error", () => reject(new CredentialFailure("unreachable", "The connection was interrupted.")));
      },
    );
    const timer = setTimeout(() => request.destroy(new CredentialFailure("unreachable", "The server took longer than 5 seconds.")), remaining);
    request.on("close", () => clearTimeout(timer));
    request.on("timeout", () => request.destroy(new CredentialFailure("unreachable", "The server took longer than 5 seconds.")));
    request.on("error", (error) => reject(error instanceof CredentialFailure ? error : new CredentialFailure("unreachable", `${url.host} could not be reached.`)));
    request.end();
  });
}

/** GETs an https document within the limits above; every failure is a CredentialFailure("unreachable"). */
export async function safeFetch(address: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const deadline = Date.now() + FETCH_TIMEOUT_MS;
  let url = parseHttpsUrl(address);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const allowed = options.testAllowList?.hosts.includes(url.host) ?? false;
    const pinned = allowed ? null : await resolvePublicAddress(url.hostname);
    const response = await requestOnce(url, pinned, options, deadline);
    if (response.status >= 300 && response.status < 400) {
      if (!response.location) throw new CredentialFailure("unreachable", "The server redirected nowhere.");
      url = parseHttpsUrl(new URL(response.location, url).toString());
      continue;
    }
    if (response.status !== 200) throw new CredentialFailure("unreachable", `The server answered ${response.status}.`);
    return { url: url.toString(), contentType: response.contentType, body: response.body };
  }
  throw new CredentialFailure("unreachable", "Too many redirects.");
}

/** safeFetch, then JSON.parse; a body that is not JSON is "unreachable" too (nothing usable came back). */
export async function safeFetchJson(address: string, options: FetchOptions = {}): Promise<unknown> {
  const { body } = await safeFetch(address, options);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new CredentialFailure("unreachable", "The link did not return JSON.");
  }
}
