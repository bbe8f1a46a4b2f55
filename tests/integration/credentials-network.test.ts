import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DID_CONTEXT_V1 } from "@/lib/credentials/did-key";
import { isBlockedAddress, safeFetch, type TestAllowList } from "@/lib/credentials/safe-fetch";
import { signCredential } from "@/lib/credentials/sign";
import { encodeList } from "@/lib/credentials/status-list";
import { verifyCredential } from "@/lib/credentials/verify";
import { identityHash, signedBadge, testIssuer, unsignedBadge } from "../helpers/credentials";

// A real https server on 127.0.0.1 (a free port) with a certificate made here. The verifier reaches it
// only through the allow-list argument; without it, the address is refused like any private one.

// A port of its own per run (0 = chosen by the system), so parallel runs never collide.
let PORT = 0;
let ORIGIN = "";
const email = "ada@example.com";
let server: https.Server;
let allow: TestAllowList;
const documents = new Map<string, { status?: number; body?: string; location?: string; hang?: boolean }>();

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-creds-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
  const cert = fs.readFileSync(path.join(dir, "cert.pem"), "utf8");
  server = https.createServer({ key: fs.readFileSync(path.join(dir, "key.pem")), cert }, (request, response) => {
    const doc = documents.get(request.url ?? "");
    if (!doc) return response.writeHead(404).end();
    if (doc.hang) return;
    if (doc.location) return response.writeHead(302, { location: doc.location }).end();
    response.writeHead(doc.status ?? 200, { "content-type": "application/json" }).end(doc.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  PORT = (server.address() as AddressInfo).port;
  ORIGIN = `https://127.0.0.1:${PORT}`;
  allow = { hosts: [`127.0.0.1:${PORT}`], ca: cert };
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("safe fetch", () => {
  it("refuses loopback, private, link-local and metadata addresses", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "151.101.1.1", "2606:4700::1111"]) expect(isBlockedAddress(address), address).toBe(false);
  });

  it("refuses the local server without the test allow-list, also by host name, and any http link", async () => {
    documents.set("/ok", { body: "{}" });
    await expect(safeFetch(`${ORIGIN}/ok`)).rejects.toThrow(/private or local address/);
    await expect(safeFetch(`https://localhost:${PORT}/ok`)).rejects.toThrow(/private or local address/);
    await expect(safeFetch(`http://127.0.0.1:${PORT}/ok`, { testAllowList: allow })).rejects.toThrow(/Only https/);
    expect((await safeFetch(`${ORIGIN}/ok`, { testAllowList: allow })).body.toString()).toBe("{}");
  });

  it("checks every redirect again", async () => {
    documents.set("/to-metadata", { location: "https://169.254.169.254/latest/meta-data/" });
    documents.set("/to-http", { location: "http://example.org/" });
    await expect(safeFetch(`${ORIGIN}/to-metadata`, { testAllowList: allow })).rejects.toThrow(/private or local address/);
    await expect(safeFetch(`${ORIGIN}/to-http`, { testAllowList: allow })).rejects.toThrow(/Only https/);
  });

  it("stops at 1 MB and after 5 seconds", async () => {
    documents.set("/big", { body: "x".repeat(1024 * 1024 + 10) });
    documents.set("/slow", { hang: true });
    await expect(safeFetch(`${ORIGIN}/big`, { testAllowList: allow })).rejects.toThrow(/larger than 1 MB/);
    const started = Date.now();
    await expect(safeFetch(`${ORIGIN}/slow`, { testAllowList: allow })).rejects.toThrow(/5 seconds/);
    expect(Date.now() - started).toBeLessThan(7000);
  }, 15_000);
});

describe("revocation through a Bitstring Status List", () => {
  it("says revoked when the credential's bit is set, and accepts its neighbour", async () => {
    const issuer = await testIssuer();
    const bits = new Uint8Array(2048);
    bits[0] = 0b00000001; // index 7
    documents.set(
      "/status/1",
      {
        body: JSON.stringify(
          await signCredential(
            {
              "@context": ["https://www.w3.org/ns/credentials/v2"],
              id: `${ORIGIN}/status/1`,
              type: ["VerifiableCredential", "BitstringStatusListCredential"],
              issuer: issuer.did,
              validFrom: "2026-01-01T00:00:00Z",
              credentialSubject: { id: `${ORIGIN}/status/1#list`, type: "BitstringStatusList", statusPurpose: "revocation", encodedList: encodeList(bits) },
            },
            issuer,
          ),
        ),
      },
    );
    const entry = (index: number) => ({ id: `${ORIGIN}/status/1#${index}`, type: "BitstringStatusListEntry", statusPurpose: "revocation", statusListIndex: String(index), statusListCredential: `${ORIGIN}/status/1` });
    const revoked = await signedBadge(issuer, { email, credentialStatus: entry(7) });
    const valid = await signedBadge(issuer, { email, credentialStatus: entry(8) });
    const options = { recipientEmail: email, network: { testAllowList: allow } };
    expect(await verifyCredential({ kind: "json", value: revoked }, options)).toMatchObject({ valid: false, failures: [{ reason: "revoked" }] });
    expect(await verifyCredential({ kind: "json", value: valid }, options)).toMatchObject({ valid: true });
    // Without the allow-list the list is out of reach: the check fails, it does not pass silently.
    expect(await verifyCredential({ kind: "json", value: valid }, { recipientEmail: email })).toMatchObject({ valid: false, failures: [{ reason: "status_unavailable" }] });
  });
});

describe("Open Badges 2.0 hosted assertions", () => {
  const salt = crypto.randomBytes(4).toString("hex");
  const assertion = (extra: Record<string, unknown> = {}) => ({
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: `${ORIGIN}/assertions/1`,
    recipient: { type: "email", hashed: true, salt, identity: identityHash(email, salt) },
    badge: `${ORIGIN}/badges/1`,
    verification: { type: "hosted" },
    issuedOn: "2025-05-06T00:00:00Z",
    expires: "2028-05-06T00:00:00Z",
    ...extra,
  });

  beforeAll(() => {
    documents.set("/badges/1", { body: JSON.stringify({ "@context": "https://w3id.org/openbadges/v2", id: `${ORIGIN}/badges/1`, type: "BadgeClass", name: "Hosted Badge", issuer: `${ORIGIN}/issuers/1` }) });
    documents.set("/issuers/1", { body: JSON.stringify({ "@context": "https://w3id.org/openbadges/v2", id: `${ORIGIN}/issuers/1`, type: "Profile", name: "Hosting Academy", url: ORIGIN }) });
  });

  it("fetches the hosted copy, compares it and reads the badge and issuer", async () => {
    documents.set("/assertions/1", { body: JSON.stringify(assertion()) });
    const options = { recipientEmail: email, network: { testAllowList: allow } };
    const byUrl = await verifyCredential({ kind: "text", value: `${ORIGIN}/assertions/1` }, options);
    expect(byUrl).toMatchObject({ valid: true, credential: { method: "ob2-hosted", issuer: { name: "Hosting Academy" }, achievement: { name: "Hosted Badge" }, validUntil: "2028-05-06T00:00:00.000Z" } });
    expect(await verifyCredential({ kind: "json", value: assertion() }, options)).toMatchObject({ valid: true });
    expect(await verifyCredential({ kind: "json", value: assertion({ expires: "2099-01-01T00:00:00Z" }) }, options)).toMatchObject({ failures: [{ reason: "mismatch" }] });
    expect(await verifyCredential({ kind: "json", value: assertion() }, { ...options, recipientEmail: "grace@example.com" })).toMatchObject({ failures: [{ reason: "wrong_recipient" }] });
  });

  it("says revoked and unreachable", async () => {
    documents.set("/assertions/1", { body: JSON.stringify(assertion({ revoked: true })) });
    expect(await verifyCredential({ kind: "text", value: `${ORIGIN}/assertions/1` }, { network: { testAllowList: allow } })).toMatchObject({ failures: [{ reason: "revoked" }] });
    expect(await verifyCredential({ kind: "text", value: `${ORIGIN}/assertions/404` }, { network: { testAllowList: allow } })).toMatchObject({ failures: [{ reason: "unreachable" }] });
  });
});

describe("VC-JWT issuer keys fetched online", () => {
  type Header = { kid?: string; jku?: string };
  const keyPair = (alg: "EdDSA" | "ES256") => generateKeyPair(alg, { crv: alg === "EdDSA" ? "Ed25519" : undefined, extractable: true });
  const signJwt = (issuer: string, privateKey: CryptoKey, alg: string, header: Header, credentialIssuer = issuer) =>
    new SignJWT(unsignedBadge(credentialIssuer, { email }) as Record<string, unknown>).setProtectedHeader({ alg, typ: "vc+jwt", ...header }).setIssuer(issuer).sign(privateKey);
  const check = (token: string, network: { testAllowList?: TestAllowList } = { testAllowList: allow }) =>
    verifyCredential({ kind: "text", value: token }, { recipientEmail: email, network });

  it("reads a did:web issuer's key from its DID document", async () => {
    const did = `did:web:127.0.0.1%3A${PORT}`;
    const { publicKey, privateKey } = await keyPair("EdDSA");
    documents.set("/.well-known/did.json", {
      body: JSON.stringify({ "@context": [DID_CONTEXT_V1], id: did, verificationMethod: [{ id: `${did}#key-1`, type: "JsonWebKey2020", controller: did, publicKeyJwk: await exportJWK(publicKey) }] }),
    });
    expect(await check(await signJwt(did, privateKey, "EdDSA", { kid: `${did}#key-1` }))).toMatchObject({ valid: true, credential: { method: "vc-jwt", issuer: { id: did } } });
    const stranger = await keyPair("EdDSA");
    expect(await check(await signJwt(did, stranger.privateKey, "EdDSA", { kid: `${did}#key-1` }))).toMatchObject({ valid: false, failures: [{ reason: "bad_signature" }] });
  });

  describe("an https issuer with a JSON Web Key Set", () => {
    let issuer: string;
    let ed: Awaited<ReturnType<typeof keyPair>>;
    let ec: Awaited<ReturnType<typeof keyPair>>;

    beforeAll(async () => {
      issuer = `${ORIGIN}/issuers/jwt`;
      ed = await keyPair("EdDSA");
      ec = await keyPair("ES256");
      const keys = [
        { ...(await exportJWK(ed.publicKey)), kid: "ed-1", alg: "EdDSA" },
        { ...(await exportJWK(ec.publicKey)), kid: "ec-1", alg: "ES256" },
      ];
      documents.set("/.well-known/jwks.json", { body: JSON.stringify({ keys }) });
      documents.set("/keys/rotated.json", { body: JSON.stringify({ keys: [keys[1]] }) });
      documents.set("/keys/private.json", { body: JSON.stringify({ keys: [{ ...(await exportJWK(ed.privateKey)), kid: "ed-1" }] }) });
      documents.set("/keys/not-a-set.json", { body: JSON.stringify({ kid: "ed-1" }) });
    });

    it("finds the key by kid at /.well-known/jwks.json on the issuer's origin, for EdDSA and ES256", async () => {
      expect(await check(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-1" }))).toMatchObject({ valid: true, credential: { method: "vc-jwt", issuer: { id: issuer } } });
      expect(await check(await signJwt(issuer, ec.privateKey, "ES256", { kid: "ec-1" }))).toMatchObject({ valid: true });
      // One key of the algorithm in the set: the JWT need not name it.
      expect(await check(await signJwt(issuer, ec.privateKey, "ES256", {}))).toMatchObject({ valid: true });
    });

    it("follows a jku on the issuer's own origin and refuses one elsewhere", async () => {
      expect(await check(await signJwt(issuer, ec.privateKey, "ES256", { kid: "ec-1", jku: `${ORIGIN}/keys/rotated.json` }))).toMatchObject({ valid: true });
      const elsewhere = await signJwt(issuer, ec.privateKey, "ES256", { kid: "ec-1", jku: `https://localhost:${PORT}/keys/rotated.json` });
      expect(await check(elsewhere)).toMatchObject({ valid: false, failures: [{ reason: "unknown_issuer_key", message: expect.stringMatching(/jku/) }] });
    });

    it("refuses an unknown kid, a forged signature, another issuer's credential, a private key and a file that is no key set", async () => {
      const failure = async (token: string) => ((await check(token)) as { failures: { reason: string }[] }).failures[0]?.reason;
      expect(await failure(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-9" }))).toBe("unknown_issuer_key");
      const forger = await keyPair("EdDSA");
      expect(await failure(await signJwt(issuer, forger.privateKey, "EdDSA", { kid: "ed-1" }))).toBe("bad_signature");
      // Signed with the issuer's key, but the credential inside names someone else as its issuer.
      expect(await failure(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-1" }, `${ORIGIN}/issuers/other`))).toBe("bad_signature");
      expect(await failure(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-1", jku: `${ORIGIN}/keys/private.json` }))).toBe("unknown_issuer_key");
      expect(await failure(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-1", jku: `${ORIGIN}/keys/not-a-set.json` }))).toBe("unknown_issuer_key");
    });

    it("cannot reach the key set without the test allow-list, and does not pass the credential", async () => {
      expect(await check(await signJwt(issuer, ed.privateKey, "EdDSA", { kid: "ed-1" }), {})).toMatchObject({ valid: false, failures: [{ reason: "unreachable" }] });
    });
  });
});
