import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as verifyCertification } from "@/app/api/certifications/verify/route";
import { GET as getPosition } from "@/app/api/credentials/position/route";
import { GET as getExport } from "@/app/api/export/route";
import { GET as getProgress } from "@/app/api/progress/route";
import { POST as publicVerify } from "@/app/api/verify/route";
import { GET as getDidDocument } from "@/app/.well-known/did.json/route";
import { GET as getIssuer } from "@/app/issuer/route";
import { CATALOG } from "@/lib/catalog";
import { getDb } from "@/lib/db";
import { setItemProgress } from "@/lib/progress";
import { checklistItemIds } from "@/lib/progress/checklist";
import { authedRequest, createSignedInUser, randomIp } from "../helpers/auth";
import { signedBadge, signedJwtBadge, testIssuer } from "../helpers/credentials";
import { AWS, countRows } from "../helpers/progress-fixtures";

const noContext = { params: Promise.resolve({}) };

function post(handler: typeof verifyCertification, url: string, cookie: string | null, body: unknown, ip = randomIp()) {
  return handler(authedRequest(url, { method: "POST", cookie, ip, body: typeof body === "string" ? body : JSON.stringify(body) }), noContext);
}

/** Credentials are matched against a confirmed address: these people have confirmed theirs. */
async function confirmedUser() {
  const signedIn = await createSignedInUser();
  await getDb().user.update({ where: { id: signedIn.user.id }, data: { emailVerified: new Date() } });
  return signedIn;
}

async function stored(userId: string) {
  return { ...(await countRows(userId)), verifications: await getDb().certificationVerification.count({ where: { userId } }) };
}

describe("POST /api/certifications/verify", () => {
  it("refuses until the person has confirmed their email address, and stores nothing", async () => {
    const { user, cookie } = await createSignedInUser();
    const badge = await signedBadge(await testIssuer(), { email: user.email, issuerName: "Example Institute", achievementName: "Applied ML" });
    const before = await stored(user.id);
    const response = await post(verifyCertification, "/api/certifications/verify", cookie, { credential: badge });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ field: "credential", message: expect.stringContaining("Confirm your email address first") });
    expect(await stored(user.id)).toEqual(before);
  });

  it("marks the certification done with the credential's dates, link and issuer; a self-signed key never passes for the article's", async () => {
    const { user, cookie } = await confirmedUser();
    const issuer = await testIssuer();
    const badge = await signedBadge(issuer, {
      email: user.email,
      issuerName: "Amazon Web Services",
      achievementName: "AWS Certified Machine Learning – Specialty",
      validFrom: "2026-03-04T10:00:00Z",
      validUntil: "2029-03-04T10:00:00Z",
      id: "https://badges.example.org/assertions/123",
    });
    const response = await post(verifyCertification, "/api/certifications/verify", cookie, { credential: badge });
    expect(response.status).toBe(200);
    const body = await response.json();
    // Signed by a did:key, not from an Amazon domain: the person's own certification, not the article's AWS one.
    expect(body.certification).toMatchObject({ title: "AWS Certified Machine Learning – Specialty", issuer: "Amazon Web Services" });
    const itemId = body.item.itemId as string;
    expect(itemId).toMatch(/^custom-/);
    expect(body.item).toMatchObject({ status: "done", completedOn: "2026-03-04", expiresOn: "2029-03-04", evidenceUrl: "https://badges.example.org/assertions/123" });
    expect(body.verification.issuer).toBe("Amazon Web Services");

    const progress = await (await getProgress(authedRequest("/api/progress", { cookie }), noContext)).json();
    expect(progress.items.find((item: { itemId: string }) => item.itemId === AWS)).toBeUndefined();
    const row = progress.items.find((item: { itemId: string }) => item.itemId === itemId);
    expect(row.verification).toMatchObject({ issuer: "Amazon Web Services", issuerId: issuer.did, method: "data-integrity" });

    const exported = await (await getExport(authedRequest("/api/export", { cookie }), noContext)).json();
    expect(exported.progress.find((item: { itemId: string }) => item.itemId === itemId).verification.issuer).toBe("Amazon Web Services");
    const csv = await (await getExport(authedRequest("/api/export?format=csv", { cookie }), noContext)).text();
    const awsLine = csv.split("\r\n").find((line: string) => line.includes(`,${itemId},`));
    expect(awsLine).toMatch(/,Amazon Web Services,\d{4}-\d{2}-\d{2}\s*$/);

    // Changing the dates by hand ends the verified mark.
    await setItemProgress(user.id, itemId, { status: "done", completedOn: "2026-03-05" });
    expect((await stored(user.id)).verifications).toBe(0);
  });

  it("makes any other achievement the person's own certification, once, from a JWT too", async () => {
    const { user, cookie } = await confirmedUser();
    const token = await signedJwtBadge("ES256", { email: user.email, issuerName: "Data Guild", achievementName: "Feature Store Practitioner" });
    const first = await post(verifyCertification, "/api/certifications/verify", cookie, { credential: token });
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body.certification).toMatchObject({ title: "Feature Store Practitioner", issuer: "Data Guild" });
    expect(body.item.itemId).toMatch(/^custom-/);
    const again = await post(verifyCertification, "/api/certifications/verify", cookie, { credential: await signedJwtBadge("EdDSA", { email: user.email, issuerName: "Data Guild", achievementName: "Feature Store Practitioner" }) });
    expect((await again.json()).item.itemId).toBe(body.item.itemId);
    expect((await stored(user.id)).certifications).toBe(1);
  });

  it("says exactly why a credential is refused and stores nothing", async () => {
    const { user, cookie } = await confirmedUser();
    const issuer = await testIssuer();
    const cases: [unknown, number, RegExp][] = [
      [{ credential: await signedBadge(issuer, { email: "someone.else@example.com" }) }, 400, /issued to someone else/],
      [{ credential: { ...(await signedBadge(issuer, { email: user.email })), name: "Changed" } }, 400, /signature does not match/],
      [{ credential: await signedBadge(issuer, { email: user.email, validUntil: "2025-01-01T00:00:00Z" }) }, 400, /expired/],
      [{ credential: "not a credential" }, 400, /not valid JSON, a compact JWT/],
      [{ credential: "eyJhbGciOiJub25lIn0.e30.x" }, 400, /algorithm/],
      [{ credential: "https://127.0.0.1:3340/badge.json" }, 400, /private or local address/],
      [{ credential: "http://badges.example.org/badge.json" }, 400, /Only https/],
      [{ credential: 42 }, 400, /credential/],
      [{ credential: "x", extra: true }, 400, /Unknown field/],
      ["{not json", 400, /not valid JSON/],
      [{ credential: "x".repeat(300_000) }, 413, /larger than/],
    ];
    for (const [body, status, message] of cases) {
      const response = await post(verifyCertification, "/api/certifications/verify", cookie, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await response.json()).error.message).toMatch(message);
    }
    expect(await stored(user.id)).toEqual({ progress: 0, events: 0, certifications: 0, verifications: 0 });
  });

  it("reads a badge baked into a PNG upload", async () => {
    const { user, cookie } = await confirmedUser();
    const badge = await signedBadge(await testIssuer(), { email: user.email, achievementName: "Baked Badge" });
    const text = Buffer.from(JSON.stringify(badge));
    const chunk = Buffer.concat([Buffer.from("openbadges\0\0\0\0\0", "latin1"), text]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, Buffer.from("iTXt"), chunk, Buffer.alloc(4), Buffer.from([0, 0, 0, 0]), Buffer.from("IEND"), Buffer.alloc(4)]);
    const form = new FormData();
    form.set("badge", new Blob([new Uint8Array(png)], { type: "image/png" }), "badge.png");
    const response = await verifyCertification(authedRequest("/api/certifications/verify", { method: "POST", cookie, body: form }), noContext);
    expect(response.status).toBe(200);
    expect((await response.json()).certification.title).toBe("Baked Badge");

    const huge = new FormData();
    huge.set("badge", new Blob([new Uint8Array(1024 * 1024 + 1)], { type: "image/png" }), "huge.png");
    const tooLarge = await verifyCertification(authedRequest("/api/certifications/verify", { method: "POST", cookie, body: huge }), noContext);
    expect(tooLarge.status).toBe(413);
    const notImage = new FormData();
    notImage.set("badge", new Blob(["just text"], { type: "text/plain" }), "note.txt");
    const refusedText = await verifyCertification(authedRequest("/api/certifications/verify", { method: "POST", cookie, body: notImage }), noContext);
    expect(refusedText.status).toBe(400);
    expect((await refusedText.json()).error.message).toMatch(/PNG and SVG/);

    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${JSON.stringify({ ...badge, name: "x" })}]]></openbadges:credential></svg>`;
    const svgForm = new FormData();
    svgForm.set("badge", new Blob([svg], { type: "image/svg+xml" }), "badge.svg");
    const refused = await verifyCertification(authedRequest("/api/certifications/verify", { method: "POST", cookie, body: svgForm }), noContext);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/signature/);
  });
});

describe("Ladder's own credential", () => {
  it("issues a signed position credential that the public verifier accepts, and refuses it tampered", async () => {
    const { user, cookie } = await confirmedUser();
    const none = await getPosition(authedRequest("/api/credentials/position", { cookie }), noContext);
    expect(none.status).toBe(409);
    for (const itemId of checklistItemIds(CATALOG)) await setItemProgress(user.id, itemId, { status: "done", completedOn: "2026-01-02" });
    const response = await getPosition(authedRequest("/api/credentials/position", { cookie }), noContext);
    expect(response.status).toBe(200);
    const credential = await response.json();
    expect(credential.type).toContain("OpenBadgeCredential");
    expect(credential.name).toMatch(/self-reported/);
    expect(credential.proof.cryptosuite).toBe("eddsa-rdfc-2022");
    const issuer = await (await getIssuer(authedRequest("/issuer"), noContext)).json();
    expect(credential.issuer.id).toBe(issuer.id);
    // Without an https NEXTAUTH_URL Ladder signs as did:key: the key is in the DID, and there is no did:web document.
    expect(issuer.id).toMatch(/^did:key:z6Mk/);
    expect(issuer.didDocument.verificationMethod[0].publicKeyMultibase).toBe(issuer.id.slice("did:key:".length));
    expect((await getDidDocument(authedRequest("/.well-known/did.json"), noContext)).status).toBe(404);

    const ip = randomIp();
    const ok = await (await post(publicVerify, "/api/verify", null, { credential }, ip)).json();
    expect(ok).toMatchObject({ valid: true, reasons: [] });
    const tampered = await (await post(publicVerify, "/api/verify", null, { credential: { ...credential, name: "Principal MLE" } }, ip)).json();
    expect(tampered.valid).toBe(false);
    expect(tampered.reasons[0]).toMatch(/signature/);
  });

  it("says verified, not self-reported, when every counted certification was verified", async () => {
    const { user, cookie } = await confirmedUser();
    for (const itemId of checklistItemIds(CATALOG).filter((id) => !id.includes("machine-learning-engineer") && id !== AWS)) {
      await setItemProgress(user.id, itemId, { status: "done", completedOn: "2026-01-02" });
    }
    const badge = await signedBadge(await testIssuer(), { email: user.email, issuerName: "Amazon Web Services", achievementName: "AWS Certified Machine Learning" });
    expect((await post(verifyCertification, "/api/certifications/verify", cookie, { credential: badge })).status).toBe(200);
    const credential = await (await getPosition(authedRequest("/api/credentials/position", { cookie }), noContext)).json();
    expect(credential.name, JSON.stringify(credential.evidence)).toMatch(/verified certifications/);
    expect(credential.evidence).toEqual([expect.objectContaining({ name: "AWS Certified Machine Learning", description: expect.stringMatching(/^Verified by Amazon Web Services on /) })]);
    expect(await (await post(publicVerify, "/api/verify", null, { credential })).json()).toMatchObject({ valid: true });
  });

  it("throttles the public verifier per address", async () => {
    const ip = `10.99.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) last = await post(publicVerify, "/api/verify", null, { credential: "x" }, ip);
    expect(last?.status).toBe(429);
    expect((await post(publicVerify, "/api/verify", null, { credential: "x" }, randomIp())).status).toBe(200);

    const { cookie } = await confirmedUser();
    let own: Response | undefined;
    for (let i = 0; i < 31; i++) own = await post(verifyCertification, "/api/certifications/verify", cookie, { credential: "x" });
    expect(own?.status).toBe(429);
  });
});
