"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "@/components/api/fetch-json";
import { register, signInWithPassword } from "@/components/auth/api";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

type Fields = { name: string; email: string; password: string };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [fields, setFields] = useState<Fields>({ name: "", email: "", password: "" });
  const [isPasswordVisible, setIsPasswordVisible] = useState(false);
  const signUp = useMutation({
    mutationFn: async (input: Fields) => {
      await register({ email: input.email, password: input.password, ...(input.name.trim() ? { name: input.name } : {}) });
      return signInWithPassword({ email: input.email, password: input.password, callbackUrl });
    },
    onSuccess: (url) => window.location.assign(url),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    signUp.mutate(fields);
  }

  const set = (key: keyof Fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [key]: event.target.value }));
  const error = signUp.error;
  const fieldError = (field: string) => (error instanceof ApiError && error.field === field ? error.message.replace(/^\w+: /, "") : null);
  const formError = error && !(error instanceof ApiError && error.field && ["name", "email", "password"].includes(error.field)) ? errorMessage(error) : null;
  const isBusy = signUp.isPending || signUp.isSuccess;

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormMessage tone="error">{formError}</FormMessage>
      <TextField id="name" name="name" label="Name (optional)" autoComplete="name" maxLength={100} value={fields.name} onChange={set("name")} error={fieldError("name")} />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        value={fields.email}
        onChange={set("email")}
        error={fieldError("email")}
      />
      <TextField
        id="password"
        name="password"
        type={isPasswordVisible ? "text" : "password"}
        label="Password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={fields.password}
        onChange={set("password")}
        error={fieldError("password")}
        after={
          <>
            <label className="mt-2 inline-flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
              <input type="checkbox" className="size-4" checked={isPasswordVisible} onChange={(event) => setIsPasswordVisible(event.target.checked)} />
              Show password
            </label>
            <PasswordStrengthMeter id="password-strength" password={fields.password} email={fields.email} name={fields.name} />
          </>
        }
      />
      <Button type="submit" className="w-full" isBusy={isBusy}>
        {isBusy ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
          Sign in
        </Link>
      </p>
    </form>
  );
}
