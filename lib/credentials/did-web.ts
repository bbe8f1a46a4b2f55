import "server-only";
import { DID_CONTEXT_V1 } from "./did-key";
import { CredentialFailure } from "./failure";
import { type FetchOptions, safeFetchJson } from "./safe-fetch";

/** https address of a did:web document (did:web:host[:path…] → https://host/path…/did.json). */
export function didWebUrl(did: string): string {
  const parts = did.split("#")[0]?.slice("did:web:".length).split(":") ?? [];
  const host = decodeURIComponent(parts[0] ?? "");
  if (!host) throw new CredentialFailure("unknown_issuer_key", "The did:web has no host.");
  const path = parts.slice(1).map(decodeURIComponent);
  return path.length > 0 ? `https://${host}/${path.join("/")}/did.json` : `https://${host}/.well-known/did.json`;
}

/** The issuer's DID document, fetched through the safe fetch; its id must be the DID asked for. */
export async function resolveDidWeb(did: string, network: FetchOptions): Promise<Record<string, unknown>> {
  const base = did.split("#")[0] ?? "";
  const document = await safeFetchJson(didWebUrl(base), network);
  if (!document || typeof document !== "object" || (document as { id?: unknown }).id !== base) {
    throw new CredentialFailure("unknown_issuer_key", "The issuer's DID document does not describe this DID.");
  }
  const context = (document as { "@context"?: unknown })["@context"];
  const first = Array.isArray(context) ? context[0] : context;
  // Only DID documents whose first context is DID v1 are read as plain JSON (no framing, no context fetch).
  if (first !== DID_CONTEXT_V1) throw new CredentialFailure("unknown_context", "The issuer's DID document does not start with the DID v1 context.");
  return document as Record<string, unknown>;
}
