// Password strength estimate with zxcvbn-ts: recognises common passwords, names, words,
// keyboard patterns, dates, repeats and l33t speak. Pure and isomorphic: the server refuses
// weak passwords with it, and the sign-up form loads it on demand (the dictionaries are large)
// for the strength meter, so both give the same verdict.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { PASSWORD_MIN_SCORE, passwordLengthProblem } from "@/lib/auth/password-policy";

export type PasswordStrength = {
  /** 0 (guessable in seconds) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  isAcceptable: boolean;
  /** What is wrong, in words, when the password is not acceptable. */
  problem: string | null;
  suggestions: string[];
};

let factory: ZxcvbnFactory | undefined;

function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Levenshtein matching costs ~300 ms a check here, too slow for a meter that runs as one types.
    useLevenshteinDistance: false,
  });
  return factory;
}

/** Words from the person's own details and the product, which make a password easier to guess. */
export function userInputsFor(details: { email?: string | null; name?: string | null }): string[] {
  const inputs = ["ladder", "machine learning", "engineer"];
  const email = details.email?.trim().toLowerCase();
  if (email) inputs.push(email, email.split("@")[0] ?? email, ...email.split(/[@.+_-]/).filter((part) => part.length >= 3));
  const name = details.name?.trim().toLowerCase();
  if (name) inputs.push(name, name.replace(/\s+/g, ""), ...name.split(/\s+/).filter((part) => part.length >= 3));
  return inputs;
}

export function estimatePasswordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const result = getFactory().check(password, userInputs);
  const lengthProblem = passwordLengthProblem(password);
  const isStrong = result.score >= PASSWORD_MIN_SCORE;
  const problem = lengthProblem ?? (isStrong ? null : weakPasswordMessage(result.feedback.warning));
  return { score: result.score, isAcceptable: problem === null, problem, suggestions: result.feedback.suggestions };
}

function weakPasswordMessage(warning: string | null): string {
  const reason = warning ? ` ${warning.replace(/\.?$/, ".")}` : "";
  return `This password is too easy to guess.${reason} Try a longer phrase of unrelated words.`;
}
