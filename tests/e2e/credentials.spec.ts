// Verified certifications in the browser: paste a credential the test signs itself (a VC-JWT
// from a fresh did:key) into a certification's details, see the verified mark; then the
// public /verify page says valid or invalid, and why.
import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { firstLink, startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { expect, showAllItems, test } from "./fixtures";

// Credentials are matched against a confirmed address: the person confirms theirs through the
// mailed link, read from a real SMTP server on loopback (port E2E_SMTP_PORT).
let smtp: TestSmtp;
test.beforeAll(async () => {
  smtp = await startTestSmtp(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => {
  await smtp?.stop();
});

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
function base58(bytes: Uint8Array): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString("hex")}`);
  let out = "";
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out;
    value /= 58n;
  }
  return out;
}

/** An Open Badges 3.0 credential as an EdDSA VC-JWT, issued to `email` by a fresh did:key. */
async function signedBadge(email: string): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const x = Buffer.from((await exportJWK(publicKey)).x as string, "base64url");
  const fingerprint = `z${base58(Uint8Array.from([0xed, 0x01, ...x]))}`;
  const did = `did:key:${fingerprint}`;
  const salt = crypto.randomBytes(8).toString("hex");
  const credential = {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: "https://badges.example.org/assertions/e2e",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: did, type: ["Profile"], name: "Amazon Web Services" },
    validFrom: "2026-03-04T00:00:00Z",
    validUntil: "2029-03-04T00:00:00Z",
    name: "AWS Certified Machine Learning – Specialty",
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        { type: "IdentityObject", identityType: "emailAddress", hashed: true, salt, identityHash: `sha256$${crypto.createHash("sha256").update(email + salt).digest("hex")}` },
      ],
      achievement: { id: "https://badges.example.org/achievements/aws-ml", type: ["Achievement"], name: "AWS Certified Machine Learning – Specialty", criteria: { narrative: "Passed the exam." } },
    },
  };
  return new SignJWT(credential).setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", kid: `${did}#${fingerprint}` }).setIssuer(did).sign(privateKey);
}

test("pasting a signed credential into a certification's details marks it verified", async ({ page, user }) => {
  // Sign-up mailed the confirmation link.
  const confirmation = await smtp.waitForMail((m) => m.to === user.email && m.subject === "Confirm your email for Ladder");
  const confirmToken = new URL(firstLink(confirmation, "/verify-email")).searchParams.get("token");
  expect((await page.request.post("/api/auth/verify-email", { data: { token: confirmToken } })).status()).toBe(200);
  const token = await signedBadge(user.email);
  await page.goto("/dashboard");
  const aws = page.locator("#item-aws-certified-machine-learning");
  await aws.getByText("Dates, note and evidence").click();
  await aws.getByLabel("Credential or link").fill(token);
  await aws.getByRole("button", { name: "Verify" }).press("Enter");
  // Signed by a fresh did:key, not from an Amazon domain: recorded as the person's own certification.
  await expect(aws.getByRole("status").filter({ hasText: 'Verified: issued by Amazon Web Services. It was recorded as "AWS Certified Machine Learning – Specialty".' })).toBeVisible();
  const own = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "AWS Certified Machine Learning – Specialty" }) });
  await expect(own.getByText("Verified by Amazon Web Services (did:key) on", { exact: false })).toBeVisible();
  await expect(own.getByText("earned 4 Mar 2026, expires 4 Mar 2029", { exact: false })).toBeVisible();
  await expect(aws.getByText("Verified by", { exact: false })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).include("#item-aws-certified-machine-learning").analyze()).violations).toEqual([]);

  // A credential for someone else is refused with the reason, and nothing changes.
  const google = page.locator("#item-google-professional-machine-learning-engineer");
  await google.getByText("Dates, note and evidence").click();
  await google.getByLabel("Credential or link").fill(await signedBadge("someone.else@example.com"));
  await google.getByRole("button", { name: "Verify" }).click();
  await expect(google.getByRole("alert")).toContainText("issued to someone else");
  await page.reload();
  await showAllItems(page);
  await expect(page.getByText("Verified by Amazon Web Services (did:key) on", { exact: false })).toHaveCount(1);
});

test("the public /verify page says valid or invalid and why, on a phone too", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verify a credential");
  await page.getByLabel("Credential or link").fill(await signedBadge("ada@example.com"));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("Valid: the signature and dates check out.")).toBeVisible();
  await expect(page.getByText("AWS Certified Machine Learning – Specialty")).toBeVisible();
  const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(scrolls).toBe(false);

  const token = await signedBadge("ada@example.com");
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  claims.validUntil = "2099-01-01T00:00:00Z";
  await page.getByLabel("Credential or link").fill([header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join("."));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("Invalid.")).toBeVisible();
  await expect(page.getByText("The signature does not match", { exact: false })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
