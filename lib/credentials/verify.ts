import "server-only";
import crypto from "node:crypto";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { decodeProtectedHeader, errors as joseErrors, importJWK, type JWK, type JWSHeaderParameters, jwtVerify } from "jose";
import { extractFromPng, extractFromSvg, isPng } from "./baked";
import { parseDidKey } from "./did-key";
import { resolveDidWeb } from "./did-web";
import { resolveJwksKey } from "./jwks";
import { createDocumentLoader, type LoaderState } from "./document-loader";
import { CredentialFailure, type Failure, isCredentialFailure } from "./failure";
import { type FetchOptions, safeFetch, safeFetchJson } from "./safe-fetch";
import { decodeEncodedList, isBitSet, statusEntries } from "./status-list";

// One verifier for every way a credential arrives: Open Badges 3.0 / VC 2.0 with a Data
// Integrity proof (eddsa-rdfc-2022), VC-JWT (EdDSA or ES256), and Open Badges 2.0 hosted
// assertions. Checks, in order: dates, signature, revocation, recipient. The first failure
// ends the check and is reported with its reason.

export type VerificationMethod = "data-integrity" | "vc-jwt" | "ob2-hosted";

export type VerifiedCredential = {
  method: VerificationMethod;
  issuer: { id: string; name: string };
  achievement: { name: string; id: string | null };
  /** ISO timestamps from the credential: validFrom (issuanceDate, issuedOn), validUntil (expirationDate, expires). */
  validFrom: string | null;
  validUntil: string | null;
  /** A public https link to the credential or its evidence, when it has one. */
  evidenceUrl: string | null;
  /** Whether the credential names its recipient and that recipient was checked. */
  recipientChecked: boolean;
};

export type VerifyResult = { valid: true; credential: VerifiedCredential } | { valid: false; failures: Failure[] };

export type VerifyOptions = {
  now?: Date;
  /** The person's email: when given, the credential must be issued to it. */
  recipientEmail?: string | null;
  network?: FetchOptions;
};

/** What the person handed over: a parsed JSON value, a text (JSON, JWT or URL), or image bytes. */
export type CredentialInput = { kind: "json"; value: unknown } | { kind: "text"; value: string } | { kind: "image"; bytes: Buffer };

type Json = Record<string, unknown>;

const JWT_ALGORITHMS = ["EdDSA", "ES256"];
const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export async function verifyCredential(input: CredentialInput, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    const credential = await verifyAny(await normalize(input), { ...options, now: options.now ?? new Date() }, 0);
    return { valid: true, credential };
  } catch (error) {
    if (isCredentialFailure(error)) return { valid: false, failures: [error.toFailure()] };
    // A library error we did not foresee is still a refusal of this credential, never a 500.
    console.warn("[ladder] credential check failed unexpectedly:", error instanceof Error ? error.message : error);
    return { valid: false, failures: [new CredentialFailure("malformed").toFailure()] };
  }
}

type Normalized = { kind: "json"; value: Json } | { kind: "jwt"; value: string } | { kind: "url"; value: string };

async function normalize(input: CredentialInput): Promise<Normalized> {
  if (input.kind === "image") {
    const text = isPng(input.bytes) ? extractFromPng(input.bytes) : looksLikeSvg(input.bytes) ? extractFromSvg(input.bytes.toString("utf8")) : null;
    if (text === null) throw new CredentialFailure("malformed", "Only PNG and SVG badge images are read.");
    return normalize({ kind: "text", value: text });
  }
  if (input.kind === "json") return { kind: "json", value: asObject(input.value) };
  const text = input.value.trim();
  if (JWT_PATTERN.test(text)) return { kind: "jwt", value: text };
  if (/^https?:\/\//i.test(text)) return { kind: "url", value: text };
  if (text.startsWith("{")) {
    try {
      return { kind: "json", value: asObject(JSON.parse(text)) };
    } catch (error) {
      if (isCredentialFailure(error)) throw error;
      throw new CredentialFailure("malformed", "The JSON cannot be parsed.");
    }
  }
  throw new CredentialFailure("malformed");
}

function looksLikeSvg(bytes: Buffer): boolean {
  return /<svg[\s>]/.test(bytes.subarray(0, 4096).toString("utf8"));
}

function asObject(value: unknown): Json {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new CredentialFailure("malformed", "A credential is a JSON object.");
  return value as Json;
}

type Context = Required<Pick<VerifyOptions, "now">> & VerifyOptions;

async function verifyAny(input: Normalized, options: Context, depth: number): Promise<VerifiedCredential> {
  if (input.kind === "jwt") return verifyJwt(input.value, options, depth);
  if (input.kind === "url") {
    const fetched = await safeFetch(input.value, options.network);
    const text = fetched.body.toString("utf8").trim();
    if (JWT_PATTERN.test(text)) return verifyJwt(text, options, depth);
    let json: Json;
    try {
      json = asObject(JSON.parse(text));
    } catch {
      throw new CredentialFailure("unreachable", "The link did not return a credential.");
    }
    if (isOpenBadges2(json)) return verifyHosted(json, options, fetched.url);
    return verifyAny({ kind: "json", value: json }, options, depth);
  }
  const json = input.value;
  if (isOpenBadges2(json)) return verifyHosted(json, options, null);
  if (json.proof) return verifyDataIntegrity(json, options, depth);
  throw new CredentialFailure("unsupported", "The credential has no proof, is not a JWT and is not a hosted Open Badges 2.0 assertion.");
}

// ---- Open Badges 3.0 / VC 2.0 with a Data Integrity proof -------------------------------

async function verifyDataIntegrity(credential: Json, options: Context, depth: number): Promise<VerifiedCredential> {
  const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  if (!proofs.every((proof) => (proof as Json | null)?.type === "DataIntegrityProof" && (proof as Json).cryptosuite === "eddsa-rdfc-2022")) {
    throw new CredentialFailure("unsupported", "Only eddsa-rdfc-2022 Data Integrity proofs are verified.");
  }
  checkDates(credential, options.now);
  const state: LoaderState = {};
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: createDocumentLoader(state, options.network),
    now: options.now,
    // Revocation is checked below, with the safe fetch and a reason of its own.
    checkStatus: async () => ({ verified: true }),
  });
  if (!result.verified) {
    if (state.failure) throw state.failure;
    const error = result.error ?? result.results?.[0]?.error;
    const text = describeError(error);
    if (/safe mode|ValidationError|relative (iri|reference)/i.test(text)) {
      throw new CredentialFailure("unknown_context", "It uses terms its contexts do not define.");
    }
    throw new CredentialFailure("bad_signature");
  }
  await checkStatus(credential, options, depth);
  checkRecipient(credential, options);
  return summarize(credential, "data-integrity", options);
}

function describeError(error: unknown): string {
  if (!error) return "";
  if (error instanceof Error) {
    const nested = (error as { errors?: unknown[] }).errors;
    return [error.name, error.message, ...(nested ?? []).map(describeError)].join(" ");
  }
  return String(error);
}

// ---- VC-JWT -------------------------------------------------------------------------------

async function jwtKey(header: JWSHeaderParameters, iss: string | undefined, network: FetchOptions | undefined) {
  const alg = header.alg as string;
  const ref = header.kid?.startsWith("did:") ? header.kid : iss;
  if (ref?.startsWith("https://")) return { issuer: ref, key: await resolveJwksKey(ref, header, network ?? {}) };
  if (!ref?.startsWith("did:")) throw new CredentialFailure("unknown_issuer_key", "The JWT names no did:key, did:web or https issuer.");
  let jwk: JWK;
  if (ref.startsWith("did:key:")) {
    const key = parseDidKey(ref);
    if ((alg === "EdDSA") !== (key.kind === "Ed25519")) throw new CredentialFailure("bad_signature", "The algorithm does not fit the issuer's key.");
    jwk = key.jwk as JWK;
  } else if (ref.startsWith("did:web:")) {
    const document = await resolveDidWeb(ref, network ?? {});
    const methods = (Array.isArray(document.verificationMethod) ? document.verificationMethod : []) as Json[];
    const method = methods.find((entry) => !ref.includes("#") || entry.id === ref || `${document.id}${entry.id}` === ref);
    if (!method?.publicKeyJwk) throw new CredentialFailure("unknown_issuer_key", "The issuer's DID document has no such JSON Web Key.");
    jwk = method.publicKeyJwk as JWK;
  } else {
    throw new CredentialFailure("unknown_issuer_key", "Only did:key, did:web and https issuers are resolved.");
  }
  return { issuer: ref.split("#")[0] as string, key: await importJWK(jwk, alg).catch(() => Promise.reject(new CredentialFailure("unknown_issuer_key"))) };
}

async function verifyJwt(token: string, options: Context, depth: number): Promise<VerifiedCredential> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: Json;
  try {
    header = decodeProtectedHeader(token);
    claims = asObject(JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")));
  } catch {
    throw new CredentialFailure("malformed", "The JWT cannot be decoded.");
  }
  if (!header.alg || !JWT_ALGORITHMS.includes(header.alg)) throw new CredentialFailure("unsupported", `JWT algorithm ${String(header.alg).slice(0, 20)} is not accepted (EdDSA or ES256).`);
  const credential = asObject(claims.vc ?? claims);
  checkDates(credential, options.now);
  const { issuer, key } = await jwtKey(header, typeof claims.iss === "string" ? claims.iss : issuerId(credential) || undefined, options.network);
  try {
    await jwtVerify(token, key, { algorithms: JWT_ALGORITHMS, currentDate: options.now, clockTolerance: 300 });
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new CredentialFailure("expired");
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "nbf") throw new CredentialFailure("not_yet_valid");
    throw new CredentialFailure("bad_signature");
  }
  if (issuerId(credential) !== issuer) throw new CredentialFailure("bad_signature", "The JWT was signed by a key that is not the credential's issuer.");
  await checkStatus(credential, options, depth);
  checkRecipient(credential, options);
  return summarize(credential, "vc-jwt", options);
}

// ---- Open Badges 2.0 hosted assertions ------------------------------------------------------

function isOpenBadges2(json: Json): boolean {
  const context = json["@context"];
  return typeof context === "string" && context.startsWith("https://w3id.org/openbadges/v2") && json.type === "Assertion";
}

async function verifyHosted(assertion: Json, options: Context, fetchedFrom: string | null): Promise<VerifiedCredential> {
  const verification = (assertion.verification ?? {}) as Json;
  const type = String(verification.type ?? "").toLowerCase();
  if (type !== "hosted" && type !== "hostedbadge") throw new CredentialFailure("unsupported", "Only hosted Open Badges 2.0 assertions are verified (not signed ones).");
  const id = typeof assertion.id === "string" ? assertion.id : "";
  const hosted = fetchedFrom && fetchedFrom === id ? assertion : asObject(await safeFetchJson(id, options.network));
  if (canonicalJson(hosted) !== canonicalJson(assertion) || hosted.id !== id) throw new CredentialFailure("mismatch");
  if (hosted.revoked === true) throw new CredentialFailure("revoked");
  checkDates({ issuanceDate: hosted.issuedOn, expirationDate: hosted.expires }, options.now);
  const badge = typeof hosted.badge === "string" ? asObject(await safeFetchJson(hosted.badge, options.network)) : asObject(hosted.badge);
  const issuerRef = badge.issuer;
  const issuer = typeof issuerRef === "string" ? asObject(await safeFetchJson(issuerRef, options.network)) : asObject(issuerRef);
  // A hosted assertion must live on its issuer's own site.
  if (typeof issuer.url === "string" && !sameSite(issuer.url, id)) throw new CredentialFailure("mismatch", "The assertion is not hosted by its issuer.");
  if (options.recipientEmail) {
    const recipient = (hosted.recipient ?? {}) as Json;
    if (recipient.type !== "email" || !identityMatches(recipient, options.recipientEmail)) throw new CredentialFailure("wrong_recipient");
  }
  return {
    method: "ob2-hosted",
    issuer: { id: String(issuer.id ?? issuerRef ?? ""), name: text(issuer.name) ?? String(issuer.id ?? "") },
    achievement: { name: text(badge.name) ?? "Badge", id: typeof badge.id === "string" ? badge.id : null },
    validFrom: dateOrNull(hosted.issuedOn),
    validUntil: dateOrNull(hosted.expires),
    evidenceUrl: id,
    recipientChecked: Boolean(options.recipientEmail),
  };
}

function sameSite(a: string, b: string): boolean {
  try {
    const host = (value: string) => new URL(value).hostname.split(".").slice(-2).join(".");
    return host(a) === host(b);
  } catch {
    return false;
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Json)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

// ---- shared checks --------------------------------------------------------------------------

function dateOrNull(value: unknown): string | null {
  if (typeof value !== "string" || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

function checkDates(credential: Json, now: Date): void {
  const from = credential.validFrom ?? credential.issuanceDate;
  const until = credential.validUntil ?? credential.expirationDate;
  for (const value of [from, until]) {
    if (value !== undefined && value !== null && dateOrNull(value) === null) throw new CredentialFailure("malformed", "A validity date is not a date.");
  }
  const skew = 5 * 60 * 1000;
  if (typeof until === "string" && Date.parse(until) + skew < now.getTime()) throw new CredentialFailure("expired", `It was valid until ${until.slice(0, 10)}.`);
  if (typeof from === "string" && Date.parse(from) - skew > now.getTime()) throw new CredentialFailure("not_yet_valid", `It is valid from ${from.slice(0, 10)}.`);
}

function issuerId(credential: Json): string {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return issuer;
  if (issuer && typeof issuer === "object" && typeof (issuer as Json).id === "string") return (issuer as Json).id as string;
  return "";
}

async function checkStatus(credential: Json, options: Context, depth: number): Promise<void> {
  const entries = statusEntries(credential.credentialStatus).filter((entry) => entry.purpose === "revocation");
  for (const entry of entries) {
    if (depth > 0) throw new CredentialFailure("status_unavailable", "A status list cannot itself have a status.");
    let list: VerifiedCredential;
    let listJson: Json;
    try {
      const fetched = await safeFetch(entry.listUrl, options.network);
      const body = fetched.body.toString("utf8").trim();
      const normalized: Normalized = JWT_PATTERN.test(body) ? { kind: "jwt", value: body } : { kind: "json", value: asObject(JSON.parse(body)) };
      listJson = normalized.kind === "jwt" ? asObject(decodeJwtCredential(body)) : normalized.value;
      list = await verifyAny(normalized, { ...options, recipientEmail: null }, depth + 1);
    } catch (error) {
      const detail = isCredentialFailure(error) ? error.message : "";
      throw new CredentialFailure("status_unavailable", detail);
    }
    if (list.issuer.id !== issuerId(credential)) throw new CredentialFailure("status_unavailable", "The status list was not issued by the credential's issuer.");
    const subject = (listJson.credentialSubject ?? {}) as Json;
    if (typeof subject.encodedList !== "string") throw new CredentialFailure("status_unavailable", "The status list holds no list.");
    if (isBitSet(decodeEncodedList(subject.encodedList), entry.index)) throw new CredentialFailure("revoked");
  }
}

function decodeJwtCredential(token: string): unknown {
  const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Json;
  return claims.vc ?? claims;
}

function sha256Hex(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/** OB 2.0 recipient / OB 3.0 IdentityObject: plain (hashed false) or "sha256$hex" of email + salt. */
function identityMatches(identity: Json, email: string): boolean {
  const value = String(identity.identity ?? identity.identityHash ?? "");
  const wanted = email.trim().toLowerCase();
  if (identity.hashed === false || (!identity.hashed && !value.includes("$"))) return value.trim().toLowerCase() === wanted;
  const [algorithm, hash = ""] = value.split("$");
  if (algorithm?.toLowerCase() !== "sha256") return false;
  const salt = typeof identity.salt === "string" ? identity.salt : "";
  // Issuers hash the address as they hold it; try it as given and lower-cased.
  return [sha256Hex(`${email.trim()}${salt}`), sha256Hex(`${wanted}${salt}`)].some((candidate) => safeEqual(candidate, hash.toLowerCase()));
}

function checkRecipient(credential: Json, options: Context): void {
  if (!options.recipientEmail) return;
  const subjects = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject : [credential.credentialSubject]) as Json[];
  const email = options.recipientEmail;
  const matches = subjects.some((subject) => {
    if (!subject || typeof subject !== "object") return false;
    if (typeof subject.id === "string" && subject.id.toLowerCase().startsWith("mailto:")) {
      if (subject.id.slice("mailto:".length).trim().toLowerCase() === email.trim().toLowerCase()) return true;
    }
    const identifiers = (Array.isArray(subject.identifier) ? subject.identifier : subject.identifier ? [subject.identifier] : []) as Json[];
    return identifiers.some((identifier) => identifier?.identityType === "emailAddress" && identityMatches(identifier, email));
  });
  if (!matches) throw new CredentialFailure("wrong_recipient", "It is not issued to your account's email address.");
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : null;
}

function httpsOrNull(value: unknown): string | null {
  return typeof value === "string" && /^https:\/\/[^\s]+$/.test(value) && value.length <= 2048 ? value : null;
}

function summarize(credential: Json, method: VerificationMethod, options: Context): VerifiedCredential {
  const issuer = credential.issuer;
  const id = issuerId(credential);
  const subject = (Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject) as Json | undefined;
  const achievement = (subject?.achievement ?? {}) as Json;
  const evidence = (Array.isArray(credential.evidence) ? credential.evidence : credential.evidence ? [credential.evidence] : []) as Json[];
  return {
    method,
    issuer: { id, name: text((issuer as Json | undefined)?.name) ?? id },
    achievement: { name: text(achievement.name) ?? text(credential.name) ?? "Credential", id: typeof achievement.id === "string" ? achievement.id : null },
    validFrom: dateOrNull(credential.validFrom ?? credential.issuanceDate),
    validUntil: dateOrNull(credential.validUntil ?? credential.expirationDate),
    evidenceUrl: httpsOrNull(credential.id) ?? evidence.map((entry) => httpsOrNull(entry?.id)).find(Boolean) ?? null,
    recipientChecked: Boolean(options.recipientEmail),
  };
}
