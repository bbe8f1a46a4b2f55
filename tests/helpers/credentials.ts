// Credentials the test suite signs itself: an issuer with a fresh did:key, an Open Badges 3.0
// credential for a recipient email (identity hash with salt), and VC-JWT versions of it.
import crypto from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { ed25519Multibase } from "@/lib/credentials/did-key";
import { generateIssuerSecret, type IssuerKey, issuerKeyFrom, signCredential } from "@/lib/credentials/sign";

export async function testIssuer(): Promise<IssuerKey> {
  return issuerKeyFrom(await generateIssuerSecret());
}

export function identityHash(email: string, salt: string): string {
  return `sha256$${crypto.createHash("sha256").update(email + salt).digest("hex")}`;
}

type BadgeOptions = {
  email: string;
  issuerName?: string;
  achievementName?: string;
  validFrom?: string;
  validUntil?: string;
  id?: string;
  credentialStatus?: Record<string, unknown>;
};

export function unsignedBadge(issuerDid: string, options: BadgeOptions): Record<string, unknown> {
  const salt = crypto.randomBytes(8).toString("hex");
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: options.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: issuerDid, type: ["Profile"], name: options.issuerName ?? "Test Certification Body" },
    validFrom: options.validFrom ?? "2026-03-04T00:00:00Z",
    ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    name: options.achievementName ?? "Test Achievement",
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [{ type: "IdentityObject", identityType: "emailAddress", hashed: true, salt, identityHash: identityHash(options.email, salt) }],
      achievement: {
        id: "https://badges.example.org/achievements/1",
        type: ["Achievement"],
        name: options.achievementName ?? "Test Achievement",
        description: "Passed the exam.",
        criteria: { narrative: "Passed the exam." },
      },
    },
    ...(options.credentialStatus ? { credentialStatus: options.credentialStatus } : {}),
  };
}

export async function signedBadge(issuer: IssuerKey, options: BadgeOptions): Promise<Record<string, unknown>> {
  return signCredential(unsignedBadge(issuer.did, options), issuer);
}

/** A VC-JWT (VC 2.0: the credential is the payload) signed with a fresh did:key of the given algorithm. */
export async function signedJwtBadge(alg: "EdDSA" | "ES256", options: BadgeOptions): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { crv: alg === "EdDSA" ? "Ed25519" : undefined, extractable: true });
  const jwk = await exportJWK(publicKey);
  let did: string;
  if (alg === "EdDSA") {
    did = `did:key:${ed25519Multibase(Buffer.from(jwk.x as string, "base64url"))}`;
  } else {
    const x = Buffer.from(jwk.x as string, "base64url");
    const y = Buffer.from(jwk.y as string, "base64url");
    const compressed = Buffer.concat([Buffer.from([(y[31] ?? 0) & 1 ? 3 : 2]), x]);
    const { base58Encode } = await import("@/lib/credentials/did-key");
    did = `did:key:z${base58Encode(Buffer.concat([Buffer.from([0x80, 0x24]), compressed]))}`;
  }
  const credential = unsignedBadge(did, options);
  return new SignJWT(credential as Record<string, unknown>)
    .setProtectedHeader({ alg, typ: "vc+jwt", kid: `${did}#${did.slice("did:key:".length)}` })
    .setIssuer(did)
    .sign(privateKey);
}
