import type { CertificationId } from "@/lib/catalog/certifications";

// Which verified achievements are the article's two certifications: issuer name and
// achievement name, compared without case, punctuation or dashes. Anything else becomes the
// person's own certification.

type KnownAchievement = { itemId: CertificationId; issuers: string[]; names: RegExp };

const KNOWN: KnownAchievement[] = [
  {
    itemId: "aws-certified-machine-learning",
    issuers: ["amazon web services", "amazon web services training and certification", "aws"],
    names: /^aws certified machine learning( specialty| engineer associate)?$/,
  },
  {
    itemId: "google-professional-machine-learning-engineer",
    issuers: ["google cloud", "google"],
    names: /^(google )?(cloud )?professional machine learning engineer( certification)?$/,
  },
];

export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The catalog certification a verified achievement is, or null for one of the person's own. */
export function knownCertificationId(issuerName: string, achievementName: string): CertificationId | null {
  const issuer = normalizeName(issuerName);
  const name = normalizeName(achievementName);
  return KNOWN.find((entry) => entry.issuers.includes(issuer) && entry.names.test(name))?.itemId ?? null;
}
