// The sign-up form's strength meter: the common-password and passphrase lists only (about
// 230 kB gzipped, loaded once someone types). The English word, name and Wikipedia lists
// would add 600 kB more, so the meter can rate a few passwords higher than the server does;
// the server's refusal then shows under the field.
import { dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { createStrengthEstimator } from "@/lib/auth/password-strength-core";

export { type PasswordStrength, userInputsFor } from "@/lib/auth/password-strength-core";

export const estimatePasswordStrength = createStrengthEstimator(commonDictionary);
