import "server-only";
import { createCustomCertification, listCustomCertifications } from "@/lib/certifications";
import { CERTIFICATION_TEXT_MAX_CHARS } from "@/lib/certifications/schemas";
import { getDb, newRowId } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { setItemProgress } from "@/lib/progress";
import type { ItemVerification, ProgressItem } from "@/lib/progress/types";
import { knownCertificationId, normalizeName } from "./known-certifications";
import { type CredentialInput, type VerifiedCredential, verifyCredential, type VerifyOptions } from "./verify";

export type RecordedVerification = { item: ProgressItem; certification: { id: string; title: string; issuer: string }; verification: { issuer: string; verifiedAt: string } };

function isoDay(timestamp: string | null): string | null {
  return timestamp ? timestamp.slice(0, 10) : null;
}

function clip(value: string): string {
  return value.slice(0, CERTIFICATION_TEXT_MAX_CHARS);
}

/** The checklist item a verified credential belongs to: one of the article's two, or the person's own (made when new). */
async function targetItem(userId: string, credential: VerifiedCredential): Promise<{ id: string; title: string; issuer: string }> {
  const known = knownCertificationId(credential.issuer.name, credential.achievement.name, credential.issuer.id);
  if (known) return { id: known, title: credential.achievement.name, issuer: credential.issuer.name };
  const title = clip(credential.achievement.name);
  const issuer = clip(credential.issuer.name);
  const own = (await listCustomCertifications(userId)).find((c) => normalizeName(c.title) === normalizeName(title) && normalizeName(c.issuer) === normalizeName(issuer));
  return own ?? createCustomCertification(userId, { title, issuer });
}

/** The person's address, only once confirmed: a credential names its recipient by email. */
async function confirmedEmail(userId: string): Promise<string> {
  const owner = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!owner) throw new AppError("not_found", "No such account.");
  if (!owner.emailVerified) {
    throw new AppError("invalid_input", "Confirm your email address first (Settings): a credential is matched against a confirmed address.", { field: "credential" });
  }
  return owner.email;
}

/**
 * Verifies a credential for the signed-in person (issued to their confirmed email) and, when
 * it holds, marks the certification done with the credential's dates and link and records
 * who verified it. A refused credential stores nothing and says why (400).
 */
export async function verifyAndRecordCertification(
  userId: string,
  input: CredentialInput,
  options: Pick<VerifyOptions, "network" | "now"> = {},
): Promise<RecordedVerification> {
  const email = await confirmedEmail(userId);
  const result = await verifyCredential(input, { ...options, recipientEmail: email });
  if (!result.valid) {
    const failure = result.failures[0];
    throw new AppError("invalid_input", failure?.message ?? "The credential could not be verified.", { field: "credential" });
  }
  const credential = result.credential;
  const completedOn = isoDay(credential.validFrom);
  const expiresOn = isoDay(credential.validUntil);
  if (completedOn && expiresOn && expiresOn < completedOn) {
    throw new AppError("invalid_input", "The credential's validity ends before it starts.", { field: "credential" });
  }
  const target = await targetItem(userId, credential);
  const verifiedAt = options.now ?? new Date();
  const item = await setItemProgress(
    userId,
    target.id,
    { status: "done", completedOn, expiresOn, ...(credential.evidenceUrl ? { evidenceUrl: credential.evidenceUrl } : {}) },
    async (tx): Promise<ItemVerification> => {
      const row = { issuerId: credential.issuer.id.slice(0, 2048), issuerName: clip(credential.issuer.name), method: credential.method, achievement: clip(credential.achievement.name), verifiedAt };
      await tx.certificationVerification.upsert({
        where: { userId_itemId: { userId, itemId: target.id } },
        create: { id: newRowId(), userId, itemId: target.id, ...row },
        update: row,
      });
      return { issuer: row.issuerName, issuerId: row.issuerId, method: row.method, verifiedAt: verifiedAt.toISOString() };
    },
  );
  return { item, certification: target, verification: { issuer: credential.issuer.name, verifiedAt: verifiedAt.toISOString() } };
}
