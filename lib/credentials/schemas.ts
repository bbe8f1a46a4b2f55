import { z } from "zod";

// Input rules for the credential routes, shared by the forms and the handlers.

/** A pasted credential (JSON, compact JWT or link) is at most this long; images have their own cap. */
export const CREDENTIAL_MAX_CHARS = 200_000;
export const CREDENTIAL_BODY_MAX_BYTES = 256 * 1024;
export const BADGE_IMAGE_MAX_BYTES = 1024 * 1024;

const credentialText = z.string().trim().min(1, "is required").max(CREDENTIAL_MAX_CHARS, "is too long");

/** Body of POST /api/certifications/verify and POST /api/verify. */
export const verifyCredentialSchema = z.strictObject({
  credential: z.union([credentialText, z.record(z.string(), z.unknown())], {
    error: "must be the credential: a JSON object, a compact JWT or an https link",
  }),
});

export type VerifyCredentialBody = z.output<typeof verifyCredentialSchema>;
