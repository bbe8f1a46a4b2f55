// Password strength estimate with zxcvbn-ts: recognises common passwords, names, words,
// keyboard patterns, dates, repeats and l33t speak. Pure and isomorphic; the dictionaries are
// chosen by the caller (password-strength.ts on the server, password-strength-browser.ts for
// the sign-up form's meter).
import { type OptionsDictionary, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs } from "@zxcvbn-ts/language-common";
import { translations } from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN_SCORE, passwordLengthProblem } from "@/lib/auth/password-policy";

export type PasswordStrength = {
  /** 0 (guessable in seconds) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  isAcceptable: boolean;
  /** What is wrong, in words, when the password is not acceptable. */
  problem: string | null;
  suggestions: string[];
};

/**
 * zxcvbn's work grows faster than linearly with length and with l33t-looking characters
 * (256 digits took seconds), and it runs on the request thread. So only the first
 * ESTIMATE_PREFIX_LENGTH characters are estimated, with few l33t substitutions tried: every
 * input then costs at most a few tens of milliseconds. A long password whose beginning is
 * guessable is refused, which errs on the safe side.
 */
export const ESTIMATE_PREFIX_LENGTH = 32;
const L33T_MAX_SUBSTITUTIONS = 10;

export type StrengthEstimator = (password: string, userInputs?: string[]) => PasswordStrength;

/** Words from the person's own details and the product, which make a password easier to guess. */
export function userInputsFor(details: { email?: string | null; name?: string | null }): string[] {
  const inputs = ["ladder", "machine learning", "engineer"];
  const email = details.email?.trim().toLowerCase();
  if (email) inputs.push(email, email.split("@")[0] ?? email, ...email.split(/[@.+_-]/).filter((part) => part.length >= 3));
  const name = details.name?.trim().toLowerCase();
  if (name) inputs.push(name, name.replace(/\s+/g, ""), ...name.split(/\s+/).filter((part) => part.length >= 3));
  return inputs;
}

export function createStrengthEstimator(dictionary: OptionsDictionary): StrengthEstimator {
  let factory: ZxcvbnFactory | undefined;
  return (password, userInputs = []) => {
    factory ??= new ZxcvbnFactory({
      dictionary,
      graphs: adjacencyGraphs,
      translations,
      // Levenshtein matching costs ~300 ms a check here, too slow for a meter that runs as one types.
      useLevenshteinDistance: false,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
    // The cheap rule first: a password of the wrong length needs no estimate.
    const lengthProblem = passwordLengthProblem(password);
    if (lengthProblem) return { score: 0, isAcceptable: false, problem: lengthProblem, suggestions: [] };
    const prefix = Array.from(password).slice(0, ESTIMATE_PREFIX_LENGTH).join("");
    const result = factory.check(prefix, userInputs);
    const isStrong = result.score >= PASSWORD_MIN_SCORE;
    const problem = isStrong ? null : weakPasswordMessage(result.feedback.warning);
    return { score: result.score, isAcceptable: problem === null, problem, suggestions: result.feedback.suggestions };
  };
}

function weakPasswordMessage(warning: string | null): string {
  const reason = warning ? ` ${warning.replace(/\.?$/, ".")}` : "";
  return `This password is too easy to guess.${reason} Try a longer phrase of unrelated words.`;
}
