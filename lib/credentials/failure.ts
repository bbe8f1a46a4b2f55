// Why a credential was refused. Every refusal names one of these, so the person (and the
// public /verify page) is told exactly what failed, never a stack trace.
export const FAILURE_REASONS = {
  malformed: "The credential is not valid JSON, a compact JWT, an https link or a badge image.",
  unsupported: "This kind of credential is not supported.",
  unknown_context: "The credential uses a JSON-LD context Ladder does not know, and contexts are never fetched.",
  bad_signature: "The signature does not match: the credential was changed or was not signed by its issuer.",
  unknown_issuer_key: "The issuer's public key could not be found.",
  expired: "The credential has expired.",
  not_yet_valid: "The credential is not valid yet.",
  revoked: "The issuer has revoked the credential.",
  status_unavailable: "The revocation list could not be checked.",
  wrong_recipient: "The credential was issued to someone else.",
  unreachable: "The link could not be fetched.",
  mismatch: "The hosted copy does not match the credential.",
} as const;

export type FailureReason = keyof typeof FAILURE_REASONS;

export type Failure = { reason: FailureReason; message: string };

/** A refusal inside the verifier; caught at its edge and turned into a reason. */
export class CredentialFailure extends Error {
  readonly reason: FailureReason;

  constructor(reason: FailureReason, detail?: string) {
    super(detail ? `${FAILURE_REASONS[reason]} ${detail}` : FAILURE_REASONS[reason]);
    this.name = "CredentialFailure";
    this.reason = reason;
  }

  toFailure(): Failure {
    return { reason: this.reason, message: this.message };
  }
}

export function isCredentialFailure(error: unknown): error is CredentialFailure {
  return error instanceof CredentialFailure;
}
