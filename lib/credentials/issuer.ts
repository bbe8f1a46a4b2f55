import "server-only";
import fs from "node:fs";
import path from "node:path";
import { dataDir, getEnv } from "@/lib/env";
import { DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1 } from "./did-key";
import { generateIssuerSecret, type IssuerKey, issuerKeyFrom } from "./sign";

// Ladder's own issuer identity. The Ed25519 key comes from LADDER_ISSUER_KEY or is generated
// once into the data directory (created exclusively, so concurrent workers agree on one key).
// The DID is did:web of the public host when NEXTAUTH_URL is https (its document is served at
// /.well-known/did.json), did:key otherwise (resolvable offline by anyone).

type Secret = { publicKeyMultibase: string; secretKeyMultibase: string };

function parseSecret(text: string, where: string): Secret {
  try {
    const value = JSON.parse(text) as Partial<Secret>;
    if (typeof value.publicKeyMultibase === "string" && typeof value.secretKeyMultibase === "string") {
      return { publicKeyMultibase: value.publicKeyMultibase, secretKeyMultibase: value.secretKeyMultibase };
    }
  } catch {}
  throw new Error(`${where} must be JSON {"publicKeyMultibase","secretKeyMultibase"} (an Ed25519 Multikey)`);
}

let secret: Promise<Secret> | undefined;

async function loadSecret(): Promise<Secret> {
  const configured = getEnv().LADDER_ISSUER_KEY;
  if (configured) return parseSecret(configured, "LADDER_ISSUER_KEY");
  const file = path.join(dataDir(), "issuer-key.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, JSON.stringify(await generateIssuerSecret()), { flag: "wx", mode: 0o600 });
    console.info(`[ladder] Generated the credential signing key and saved it to ${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseSecret(fs.readFileSync(file, "utf8"), file);
}

/** The DID Ladder signs as: did:web of an https NEXTAUTH_URL's host, else the key's did:key. */
export function issuerDid(publicKeyMultibase: string): string {
  const url = getEnv().NEXTAUTH_URL;
  if (url?.startsWith("https://")) return `did:web:${encodeURIComponent(new URL(url).host)}`;
  return `did:key:${publicKeyMultibase}`;
}

export async function getLadderIssuerKey(): Promise<IssuerKey> {
  secret ??= loadSecret().catch((error) => {
    secret = undefined;
    throw error;
  });
  const value = await secret;
  const did = issuerDid(value.publicKeyMultibase);
  return issuerKeyFrom(value, did.startsWith("did:web:") ? did : undefined);
}

export const ISSUER_NAME = "Ladder";

/** The DID document of Ladder's issuer (served at /.well-known/did.json for did:web, and inside /issuer). */
export function issuerDidDocument(key: IssuerKey): Record<string, unknown> {
  const methodId = key.keyPair.id;
  return {
    "@context": [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
    id: key.did,
    verificationMethod: [{ id: methodId, type: "Multikey", controller: key.did, publicKeyMultibase: key.keyPair.publicKeyMultibase }],
    assertionMethod: [methodId],
  };
}

/** The public issuer profile: who Ladder is as an issuer, and the key its credentials verify with. */
export async function getIssuerProfile(): Promise<Record<string, unknown>> {
  const key = await getLadderIssuerKey();
  const url = getEnv().NEXTAUTH_URL;
  return {
    id: key.did,
    type: ["Profile"],
    name: ISSUER_NAME,
    ...(url ? { url } : {}),
    description: "Ladder issues Open Badges 3.0 credentials for a person's position on the Machine Learning Engineer career ladder.",
    didDocument: issuerDidDocument(key),
  };
}
