// The server's password strength check: every zxcvbn-ts dictionary (common passwords, English
// words, names, Wikipedia). The server's verdict is the one that counts.
import { dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";
import { createStrengthEstimator } from "@/lib/auth/password-strength-core";

export { type PasswordStrength, userInputsFor } from "@/lib/auth/password-strength-core";

export const estimatePasswordStrength = createStrengthEstimator({ ...commonDictionary, ...englishDictionary });
