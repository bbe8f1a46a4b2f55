import { describe, expect, it } from "vitest";
import { parseDidKey } from "@/lib/credentials/did-key";
import { verifyCredential } from "@/lib/credentials/verify";
import { signedBadge, signedJwtBadge, testIssuer, unsignedBadge } from "../helpers/credentials";

const email = "ada@example.com";
const now = new Date("2026-12-02T12:00:00Z");

describe("Open Badges 3.0 with an eddsa-rdfc-2022 proof", () => {
  it("accepts a credential signed by its did:key issuer and reads its dates and names", async () => {
    const issuer = await testIssuer();
    const badge = await signedBadge(issuer, { email, issuerName: "Cloud Academy", achievementName: "ML Specialist", validUntil: "2029-03-04T00:00:00Z" });
    const result = await verifyCredential({ kind: "json", value: badge }, { now, recipientEmail: email });
    expect(result).toMatchObject({
      valid: true,
      credential: { method: "data-integrity", issuer: { id: issuer.did, name: "Cloud Academy" }, achievement: { name: "ML Specialist" }, validFrom: "2026-03-04T00:00:00.000Z", validUntil: "2029-03-04T00:00:00.000Z" },
    });
  });

  it("refuses a tampered credential as a bad signature", async () => {
    const badge = await signedBadge(await testIssuer(), { email });
    const tampered = { ...badge, name: "Something else" };
    const result = await verifyCredential({ kind: "json", value: tampered }, { now });
    expect(result).toMatchObject({ valid: false, failures: [{ reason: "bad_signature" }] });
  });

  it("refuses a credential signed by another key than its issuer's", async () => {
    const signer = await testIssuer();
    const other = await testIssuer();
    const badge = await signedBadge(signer, { email });
    const forged = { ...badge, issuer: { ...(badge.issuer as object), id: other.did } };
    const result = await verifyCredential({ kind: "json", value: forged }, { now });
    expect(result.valid).toBe(false);
  });

  it("says expired, not yet valid, and wrong recipient", async () => {
    const issuer = await testIssuer();
    const expired = await signedBadge(issuer, { email, validUntil: "2026-06-01T00:00:00Z" });
    expect(await verifyCredential({ kind: "json", value: expired }, { now })).toMatchObject({ failures: [{ reason: "expired" }] });
    const future = await signedBadge(issuer, { email, validFrom: "2027-06-01T00:00:00Z" });
    expect(await verifyCredential({ kind: "json", value: future }, { now })).toMatchObject({ failures: [{ reason: "not_yet_valid" }] });
    const someoneElse = await signedBadge(issuer, { email: "grace@example.com" });
    expect(await verifyCredential({ kind: "json", value: someoneElse }, { now, recipientEmail: email })).toMatchObject({ failures: [{ reason: "wrong_recipient" }] });
  });

  it("refuses a context that is not bundled without fetching it", async () => {
    const issuer = await testIssuer();
    const badge = await signedBadge(issuer, { email });
    const withContext = { ...badge, "@context": [...(badge["@context"] as string[]), "https://127.0.0.1:3349/context.json"] };
    expect(await verifyCredential({ kind: "json", value: withContext }, { now })).toMatchObject({ failures: [{ reason: "unknown_context" }] });
  });

  it("refuses an unsigned credential and bad input with a reason", async () => {
    const unsigned = unsignedBadge((await testIssuer()).did, { email });
    expect(await verifyCredential({ kind: "json", value: unsigned }, { now })).toMatchObject({ valid: false, failures: [{ reason: "unsupported" }] });
    expect(await verifyCredential({ kind: "text", value: "{not json" }, { now })).toMatchObject({ failures: [{ reason: "malformed" }] });
    expect(await verifyCredential({ kind: "json", value: [1, 2] }, { now })).toMatchObject({ failures: [{ reason: "malformed" }] });
    expect(await verifyCredential({ kind: "text", value: "aaa.bbb.ccc" }, { now })).toMatchObject({ failures: [{ reason: "malformed" }] });
    expect(await verifyCredential({ kind: "json", value: { proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" } } }, { now })).toMatchObject({ valid: false });
  });
});

describe("VC-JWT", () => {
  it.each(["EdDSA", "ES256"] as const)("accepts a %s JWT from a did:key issuer", async (alg) => {
    const token = await signedJwtBadge(alg, { email, achievementName: "JWT badge" });
    const result = await verifyCredential({ kind: "text", value: token }, { now, recipientEmail: email });
    expect(result).toMatchObject({ valid: true, credential: { method: "vc-jwt", achievement: { name: "JWT badge" } } });
  });

  it("refuses a JWT whose payload was changed, and the none algorithm", async () => {
    const token = await signedJwtBadge("EdDSA", { email });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    claims.name = "Forged";
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
    expect(await verifyCredential({ kind: "text", value: tampered }, { now })).toMatchObject({ failures: [{ reason: "bad_signature" }] });
    const none = [Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url"), payload, "x"].join(".");
    expect(await verifyCredential({ kind: "text", value: none }, { now })).toMatchObject({ failures: [{ reason: "unsupported" }] });
  });
});

describe("did:key", () => {
  it("reads Ed25519 keys and refuses other strings", () => {
    expect(parseDidKey("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").kind).toBe("Ed25519");
    expect(() => parseDidKey("did:web:example.com")).toThrow();
  });
});
