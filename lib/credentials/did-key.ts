import crypto from "node:crypto";
import { CredentialFailure } from "./failure";

// did:key, resolved offline: the public key is the identifier itself (multicodec + base58btc).
// Ed25519 (z6Mk…) for Data Integrity proofs and EdDSA JWTs, P-256 (zDn…) for ES256 JWTs.

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58Encode(bytes: Uint8Array): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
  let out = "";
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

export function base58Decode(text: string): Uint8Array {
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) throw new CredentialFailure("unknown_issuer_key", "The key is not base58 encoded.");
    value = value * 58n + BigInt(digit);
  }
  let hex = value === 0n ? "" : value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const leading = /^1*/.exec(text)?.[0].length ?? 0;
  return Uint8Array.from([...new Array(leading).fill(0), ...Buffer.from(hex, "hex")]);
}

const ED25519_PREFIX = [0xed, 0x01];
const P256_PREFIX = [0x80, 0x24];
const P256_SPKI_PREFIX = Buffer.from("3039301306072a8648ce3d020106082a8648ce3d030107032200", "hex");

export type DidKey = { did: string; fingerprint: string; kind: "Ed25519" | "P-256"; jwk: crypto.JsonWebKey };

/** Multibase (z + base58btc) of an Ed25519 public key, as did:key and Multikey write it. */
export function ed25519Multibase(publicKey: Uint8Array): string {
  return `z${base58Encode(Uint8Array.from([...ED25519_PREFIX, ...publicKey]))}`;
}

/** Parses `did:key:z…` (a fragment is ignored). */
export function parseDidKey(value: string): DidKey {
  const did = value.split("#")[0] ?? "";
  const fingerprint = did.startsWith("did:key:z") ? did.slice("did:key:".length) : "";
  if (!fingerprint) throw new CredentialFailure("unknown_issuer_key", "The issuer is not a did:key.");
  const bytes = base58Decode(fingerprint.slice(1));
  if (bytes[0] === ED25519_PREFIX[0] && bytes[1] === ED25519_PREFIX[1] && bytes.length === 34) {
    const x = Buffer.from(bytes.slice(2)).toString("base64url");
    return { did, fingerprint, kind: "Ed25519", jwk: { kty: "OKP", crv: "Ed25519", x } };
  }
  if (bytes[0] === P256_PREFIX[0] && bytes[1] === P256_PREFIX[1] && bytes.length === 35) {
    const key = crypto.createPublicKey({ key: Buffer.concat([P256_SPKI_PREFIX, bytes.slice(2)]), format: "der", type: "spki" });
    return { did, fingerprint, kind: "P-256", jwk: key.export({ format: "jwk" }) };
  }
  throw new CredentialFailure("unknown_issuer_key", "The did:key holds a key type Ladder does not accept.");
}

export const DID_CONTEXT_V1 = "https://www.w3.org/ns/did/v1";
export const MULTIKEY_CONTEXT_V1 = "https://w3id.org/security/multikey/v1";

/** The DID document of an Ed25519 did:key (one Multikey verification method). */
export function didKeyDocument(value: string): Record<string, unknown> {
  const key = parseDidKey(value);
  if (key.kind !== "Ed25519") throw new CredentialFailure("unknown_issuer_key", "Data Integrity proofs need an Ed25519 did:key.");
  const methodId = `${key.did}#${key.fingerprint}`;
  return {
    "@context": [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: key.did,
    verificationMethod: [{ id: methodId, type: "Multikey", controller: key.did, publicKeyMultibase: key.fingerprint }],
    assertionMethod: [methodId],
    authentication: [methodId],
  };
}
