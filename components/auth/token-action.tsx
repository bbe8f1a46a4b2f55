"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  /** The API that takes {token} by POST. */
  endpoint: string;
  token: string;
  buttonLabel: string;
  busyLabel: string;
  doneMessage: string;
  next: { href: string; label: string };
};

/**
 * A button that uses a token from a mailed link. Opening the link changes nothing by itself:
 * mail scanners that fetch links must not confirm or unsubscribe on the person's behalf.
 */
export function TokenAction({ endpoint, token, buttonLabel, busyLabel, doneMessage, next }: Props) {
  const action = useMutation({ mutationFn: () => fetchJson(endpoint, { method: "POST", json: { token } }) });
  if (action.isSuccess) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{doneMessage}</FormMessage>
        <Link href={next.href} className="font-medium text-blue-700 underline dark:text-blue-300">
          {next.label}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <FormMessage tone="error">{action.error ? errorMessage(action.error).replace(/^\w+: /, "") : null}</FormMessage>
      <Button
        className="w-full"
        isBusy={action.isPending}
        onClick={() => {
          if (!action.isPending) action.mutate();
        }}
      >
        {action.isPending ? busyLabel : buttonLabel}
      </Button>
    </div>
  );
}
