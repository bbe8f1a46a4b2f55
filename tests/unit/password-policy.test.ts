import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength, passwordLengthProblem } from "@/lib/auth/password-policy";
import { estimatePasswordStrength, userInputsFor } from "@/lib/auth/password-strength";
import { estimatePasswordStrength as estimateInBrowser } from "@/lib/auth/password-strength-browser";

describe("password length", () => {
  it("needs at least 12 characters and allows far more than 64", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBeGreaterThanOrEqual(64);
    expect(passwordLengthProblem("a".repeat(11))).toBe("Use at least 12 characters.");
    expect(passwordLengthProblem("a".repeat(12))).toBeNull();
    expect(passwordLengthProblem("a".repeat(128))).toBeNull();
    expect(passwordLengthProblem("a".repeat(PASSWORD_MAX_LENGTH + 1))).toBe(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  });

  it("counts characters as people see them, not UTF-16 units", () => {
    expect(passwordLength("🔑🔑🔑")).toBe(3);
    expect(passwordLengthProblem("🔑".repeat(11))).not.toBeNull();
    expect(passwordLengthProblem("🔑".repeat(12))).toBeNull();
  });

  it("counts spaces as typed: nothing is trimmed", () => {
    expect(passwordLength("  abc  ")).toBe(7);
  });
});

describe("password strength", () => {
  const inputs = userInputsFor({ email: "ada.lovelace@example.com", name: "Ada Lovelace" });

  it.each(["password1234", "P@ssw0rd12345", "qwertyuiop123", "iloveyou2024!", "123456789012", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop"])(
    "refuses the common or guessable %s",
    (password) => {
      const strength = estimatePasswordStrength(password, inputs);
      expect(strength.isAcceptable).toBe(false);
      expect(strength.problem).toMatch(/too easy to guess/);
    },
  );

  it("refuses passwords built from the person's own email or name", () => {
    expect(estimatePasswordStrength("ada.lovelace2024", inputs).isAcceptable).toBe(false);
    expect(estimatePasswordStrength("adalovelace1815", inputs).isAcceptable).toBe(false);
  });

  it.each(["correct horse battery staple", "Granite kettle 4f1c mosaic", "Ünïcödé 🔑 ladder jacaranda", "vQ7#rT2!mZ9@kL"])("accepts %s", (password) => {
    expect(estimatePasswordStrength(password, inputs)).toMatchObject({ isAcceptable: true, problem: null });
  });

  it("reports a short password as too short even when it is random", () => {
    expect(estimatePasswordStrength("vQ7#rT2!mZ", inputs).problem).toBe("Use at least 12 characters.");
  });
});

describe("the sign-up form's strength meter", () => {
  it("refuses the common passwords the server refuses, with the same rules", () => {
    for (const password of ["password1234", "P@ssw0rd12345", "qwertyuiop123", "123456789012", "short"]) {
      expect(estimateInBrowser(password).isAcceptable, password).toBe(false);
    }
    expect(estimateInBrowser("correct horse battery staple").isAcceptable).toBe(true);
  });

  it("never accepts a password the length rules refuse", () => {
    expect(estimateInBrowser("vQ7#rT2!mZ").problem).toBe("Use at least 12 characters.");
  });
});
