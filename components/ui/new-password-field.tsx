"use client";

import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { TextField } from "./form-field";
import { PasswordStrengthMeter } from "./password-strength-meter";

type Props = {
  value: string;
  onValueChange: (value: string) => void;
  error: string | null;
  /** The input's form name, when the form needs one. */
  name?: string;
  /** Who is choosing the password: the meter counts their email and name as guessable. */
  email?: string;
  personName?: string;
};

/** "New password" with the length rule and the strength meter, as every password form shows it. */
export function NewPasswordField({ value, onValueChange, error, name, email, personName }: Props) {
  return (
    <TextField
      id="new-password"
      name={name}
      type="password"
      label="New password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      error={error}
      after={<PasswordStrengthMeter id="new-password-strength" password={value} email={email} name={personName} />}
    />
  );
}
