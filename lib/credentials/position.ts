import "server-only";
import crypto from "node:crypto";
import { todayUtc } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { evaluateLadder } from "@/lib/ladder";
import { loadUserProgress } from "@/lib/progress";
import { CREDENTIALS_CONTEXT_V2, OPEN_BADGES_CONTEXT_V3 } from "./document-loader";
import { getLadderIssuerKey, ISSUER_NAME } from "./issuer";
import { signCredential } from "./sign";

// GET /api/credentials/position: an Open Badges 3.0 credential for the person's current rung,
// issued to their email (salted identity hash), signed by Ladder (eddsa-rdfc-2022). The
// criteria are the requirements the person met; it says "self-reported" unless every
// certification that counts was verified from its own credential.

export type PositionCredential = { credential: Record<string, unknown>; selfReported: boolean };

export async function issuePositionCredential(userId: string, email: string, now: Date = new Date()): Promise<PositionCredential> {
  const { catalog, items } = await loadUserProgress(userId);
  const today = todayUtc(now);
  const position = evaluateLadder(catalog, items, today);
  if (!position.current) throw new AppError("conflict", "You have not reached a rung of the ladder yet, so there is no position to issue.");
  const level = position.levels.find((entry) => entry.id === position.current?.id);
  const requirements = level?.requirements.filter((r) => r.met) ?? [];

  const byId = new Map(items.map((item) => [item.itemId, item]));
  const certificationTitles = new Map(catalog.certifications.map((c) => [c.id, c.title]));
  const expired = new Set(position.expiredCertifications);
  // The certifications that count: every done one that has not expired (any of them satisfies the rules' certification clause).
  const counted = [...certificationTitles.keys()]
    .filter((id) => byId.get(id)?.status === "done" && !expired.has(id))
    .map((id) => ({ id, title: certificationTitles.get(id) as string, verification: byId.get(id)?.verification ?? null }));
  const selfReported = counted.length === 0 || counted.some((c) => !c.verification);
  const basis = selfReported ? "self-reported" : "verified certifications";

  const key = await getLadderIssuerKey();
  const salt = crypto.randomBytes(16).toString("hex");
  const base = getEnv().NEXTAUTH_URL?.replace(/\/$/, "");
  const rung = position.current;
  const credential = {
    "@context": [CREDENTIALS_CONTEXT_V2, OPEN_BADGES_CONTEXT_V3],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${rung.title} (${basis})`,
    description: `Position on Ladder's Machine Learning Engineer career ladder on ${today}, ${basis}.`,
    issuer: { id: key.did, type: ["Profile"], name: ISSUER_NAME, ...(base ? { url: base } : {}) },
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityType: "emailAddress",
          hashed: true,
          salt,
          identityHash: `sha256$${crypto.createHash("sha256").update(email.trim().toLowerCase() + salt).digest("hex")}`,
        },
      ],
      achievement: {
        id: `${base ?? "urn:ladder"}/how-it-works#${rung.id}`,
        type: ["Achievement"],
        achievementType: "Achievement",
        name: rung.title,
        description: `The ${rung.title} rung (${basis}).`,
        criteria: { narrative: requirements.map((r) => `- ${r.title}`).join("\n") || "- The rung's requirements" },
      },
    },
    evidence: counted.map((c) => ({
      id: `urn:ladder:certification:${c.id}`,
      type: ["Evidence"],
      name: c.title,
      description: c.verification ? `Verified by ${c.verification.issuer} on ${c.verification.verifiedAt.slice(0, 10)}` : "Self-reported",
    })),
  };
  return { credential: await signCredential(credential, key), selfReported };
}
