import type { Certification } from "./schema";

/**
 * The two certifications the article names. The article gives no validity period, so none
 * is stored here: the person enters an expiry date on their progress row if theirs has one.
 */
export const CERTIFICATIONS = [
  {
    id: "aws-certified-machine-learning",
    title: "AWS Certified Machine Learning",
    issuer: "Amazon Web Services",
    custom: false,
  },
  {
    id: "google-professional-machine-learning-engineer",
    title: "Google Professional Machine Learning Engineer",
    issuer: "Google Cloud",
    custom: false,
  },
] as const satisfies readonly Certification[];

export type CertificationId = (typeof CERTIFICATIONS)[number]["id"];
