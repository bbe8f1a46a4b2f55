import "server-only";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { createDocumentLoader } from "./document-loader";
import { CredentialFailure } from "./failure";

export type IssuerKey = { did: string; keyPair: Ed25519Multikey.KeyPair };

/** An Ed25519 key whose did:key (or the given DID) controls it. */
export async function issuerKeyFrom(secret: { publicKeyMultibase: string; secretKeyMultibase: string }, did?: string): Promise<IssuerKey> {
  const controller = did ?? `did:key:${secret.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    "@context": "https://w3id.org/security/multikey/v1",
    type: "Multikey",
    id: `${controller}#${did ? "key-1" : secret.publicKeyMultibase}`,
    controller,
    publicKeyMultibase: secret.publicKeyMultibase,
    secretKeyMultibase: secret.secretKeyMultibase,
  });
  return { did: controller, keyPair };
}

export async function generateIssuerSecret(): Promise<{ publicKeyMultibase: string; secretKeyMultibase: string }> {
  const keyPair = await Ed25519Multikey.generate();
  const exported = await keyPair.export({ publicKey: true, secretKey: true });
  return { publicKeyMultibase: exported.publicKeyMultibase as string, secretKeyMultibase: exported.secretKeyMultibase as string };
}

/** Adds an eddsa-rdfc-2022 Data Integrity proof, with the same bundled contexts the verifier uses. */
export async function signCredential(credential: Record<string, unknown>, key: IssuerKey): Promise<Record<string, unknown>> {
  const state = {};
  try {
    return await vc.issue({
      credential,
      suite: new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022 }),
      documentLoader: createDocumentLoader(state),
    });
  } catch (error) {
    throw new CredentialFailure("malformed", error instanceof Error ? error.message : undefined);
  }
}
