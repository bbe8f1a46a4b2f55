import type { CertificationId } from "@/lib/catalog/certifications";

// Which verified achievements are the article's two certifications: issuer name and
// achievement name (compared without case, punctuation or dashes) AND an issuer id on a
// domain that body (or the badge platform it issues through) controls. A did:key proves only
// that someone holds a key, so a self-signed "Amazon Web Services" credential becomes the
// person's own certification, never the article's. Anything else does too.

type KnownAchievement = { itemId: CertificationId; issuers: string[]; names: RegExp; hosts: string[] };

const KNOWN: KnownAchievement[] = [
  {
    itemId: "aws-certified-machine-learning",
    issuers: ["amazon web services", "amazon web services training and certification", "aws"],
    names: /^aws certified machine learning( specialty| engineer associate)?$/,
    hosts: ["amazon.com", "aws.amazon.com", "credly.com"],
  },
  {
    itemId: "google-professional-machine-learning-engineer",
    issuers: ["google cloud", "google"],
    names: /^(google )?(cloud )?professional machine learning engineer( certification)?$/,
    hosts: ["google.com", "cloud.google.com", "credly.com", "accredible.com"],
  },
];

export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The domain an issuer id stands for: an https URL's host, a did:web's host; null for did:key and the rest. */
export function issuerHost(issuerId: string): string | null {
  try {
    if (issuerId.startsWith("https://")) return new URL(issuerId).hostname.toLowerCase();
    if (issuerId.startsWith("did:web:")) {
      const host = decodeURIComponent(issuerId.slice("did:web:".length).split(/[:#]/)[0] ?? "");
      return host ? new URL(`https://${host}`).hostname.toLowerCase() : null;
    }
  } catch {}
  return null;
}

function onDomain(host: string, domains: string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The catalog certification a verified achievement is, or null for one of the person's own. */
export function knownCertificationId(issuerName: string, achievementName: string, issuerId: string): CertificationId | null {
  const host = issuerHost(issuerId);
  if (!host) return null;
  const issuer = normalizeName(issuerName);
  const name = normalizeName(achievementName);
  return KNOWN.find((entry) => entry.issuers.includes(issuer) && entry.names.test(name) && onDomain(host, entry.hosts))?.itemId ?? null;
}
