import { describe, expect, it } from "vitest";
import { ChangePasswordInput, DeleteAccountInput, RegisterInput, UpdateProfileInput } from "@/lib/accounts/schemas";

function firstIssue(result: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string; message: string }[] } }) {
  return result.error?.issues[0];
}

describe("RegisterInput", () => {
  const valid = { email: "Ada@Example.COM ", password: "  spaces kept, exactly as typed  ", name: " Ada " };

  it("lower-cases and trims the email, trims the name, keeps the password exactly as typed", () => {
    expect(RegisterInput.parse(valid)).toEqual({ email: "ada@example.com", password: "  spaces kept, exactly as typed  ", name: "Ada" });
  });

  it("treats a missing or blank name as none", () => {
    expect(RegisterInput.parse({ email: "a@example.com", password: "x".repeat(12) }).name).toBeNull();
    expect(RegisterInput.parse({ email: "a@example.com", password: "x".repeat(12), name: "   " }).name).toBeNull();
  });

  it("refuses unknown fields, naming them", () => {
    const issue = firstIssue(RegisterInput.safeParse({ ...valid, role: "admin" }));
    expect(issue?.code).toBe("unrecognized_keys");
    expect(issue?.message).toContain("role");
  });

  it.each([
    ["email", { ...valid, email: "ada@" }],
    ["email", { ...valid, email: "not an email" }],
    ["email", { ...valid, email: `${"a".repeat(250)}@example.com` }],
    ["email", { password: valid.password }],
    ["password", { ...valid, password: "short" }],
    ["password", { ...valid, password: 123456789012 }],
    ["password", { ...valid, password: "x".repeat(257) }],
    ["name", { ...valid, name: "n".repeat(101) }],
  ])("refuses a bad %s", (field, input) => {
    expect(firstIssue(RegisterInput.safeParse(input))?.path).toEqual([field]);
  });
});

describe("settings schemas", () => {
  it("UpdateProfileInput needs a name field (null or blank clears it) and nothing else", () => {
    expect(UpdateProfileInput.parse({ name: "  Grace " })).toEqual({ name: "Grace" });
    expect(UpdateProfileInput.parse({ name: "" })).toEqual({ name: null });
    expect(UpdateProfileInput.parse({ name: null })).toEqual({ name: null });
    expect(UpdateProfileInput.safeParse({}).success).toBe(false);
    expect(UpdateProfileInput.safeParse({ name: "x", email: "y@example.com" }).success).toBe(false);
  });

  it("ChangePasswordInput checks the new password's length but takes any current password", () => {
    expect(ChangePasswordInput.safeParse({ currentPassword: "old", newPassword: "long enough new one" }).success).toBe(true);
    expect(firstIssue(ChangePasswordInput.safeParse({ currentPassword: "old", newPassword: "short" }))?.path).toEqual(["newPassword"]);
    expect(firstIssue(ChangePasswordInput.safeParse({ currentPassword: "", newPassword: "long enough new one" }))?.path).toEqual(["currentPassword"]);
  });

  it("DeleteAccountInput needs the password or, for accounts without one, the email", () => {
    expect(DeleteAccountInput.safeParse({ password: "secret" }).success).toBe(true);
    expect(DeleteAccountInput.parse({ confirmEmail: " Ada@Example.com" })).toEqual({ confirmEmail: "ada@example.com" });
    expect(firstIssue(DeleteAccountInput.safeParse({}))?.path).toEqual(["password"]);
    expect(DeleteAccountInput.safeParse({ password: "x", everything: true }).success).toBe(false);
  });
});
