import { z } from "zod";

export const CERTIFICATION_TEXT_MAX_CHARS = 200;
/** Enough for anyone's real certifications; stops one account from growing without bound. */
export const MAX_CUSTOM_CERTIFICATIONS = 50;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(CERTIFICATION_TEXT_MAX_CHARS, `must be at most ${CERTIFICATION_TEXT_MAX_CHARS} characters`);

/** Body of POST /api/certifications: a certification a person adds themselves. */
export const createCertificationSchema = z.strictObject({
  title: text("A title"),
  issuer: text("An issuer"),
});

export type CreateCertificationInput = z.input<typeof createCertificationSchema>;
export type CreateCertification = z.output<typeof createCertificationSchema>;

/** Body of PATCH /api/certifications/:id: a new title and/or issuer for one's own certification. */
export const updateCertificationSchema = z
  .strictObject({
    title: text("A title").optional(),
    issuer: text("An issuer").optional(),
  })
  .refine((value) => value.title !== undefined || value.issuer !== undefined, { message: "Give a new title or issuer." });

export type UpdateCertificationInput = z.input<typeof updateCertificationSchema>;
export type UpdateCertification = z.output<typeof updateCertificationSchema>;
