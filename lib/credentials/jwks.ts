import "server-only";
import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWK, type JWSHeaderParameters } from "jose";
import { CredentialFailure } from "./failure";
import { type FetchOptions, safeFetchJson } from "./safe-fetch";

// An issuer named by an https address publishes its VC-JWT keys as a JSON Web Key Set: at the
// header's `jku` when that is on the issuer's own origin (a key set elsewhere would let anyone
// vouch for the issuer), otherwise at /.well-known/jwks.json on the issuer's origin.

/** The key set's address for an https issuer id and an optional `jku` header. */
export function jwksUrl(issuer: string, jku: string | undefined): string {
  const origin = httpsOrigin(issuer);
  if (!origin) throw new CredentialFailure("unknown_issuer_key", "The issuer is not an https address.");
  if (jku === undefined) return `${origin}/.well-known/jwks.json`;
  if (httpsOrigin(jku) !== origin) throw new CredentialFailure("unknown_issuer_key", "The JWT's key set (jku) is not on the issuer's own site.");
  return jku;
}

/** The public key that verifies this JWT, from the issuer's key set (chosen by `kid` and algorithm). */
export async function resolveJwksKey(issuer: string, header: JWSHeaderParameters, network: FetchOptions): Promise<CryptoKey> {
  const document = await safeFetchJson(jwksUrl(issuer, header.jku), network);
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new CredentialFailure("unknown_issuer_key", "The issuer's key set is not a JSON Web Key Set.");
  // A published private key is a broken key set, not a key to trust.
  const publicKeys = keys.filter((key): key is JWK => !!key && typeof key === "object" && !("d" in key));
  const keySet = createLocalJWKSet({ keys: publicKeys } as JSONWebKeySet);
  try {
    return (await keySet(header)) as CryptoKey;
  } catch (error) {
    if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
      throw new CredentialFailure("unknown_issuer_key", "The issuer's key set has several keys that fit and the JWT names none of them (kid).");
    }
    throw new CredentialFailure("unknown_issuer_key", "The issuer's key set has no key for this JWT.");
  }
}

function httpsOrigin(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}
