import type { Metadata } from "next";
import Link from "next/link";
import { PublicVerifyForm } from "@/components/credentials/public-verify-form";
import { CONTAINER, TEXT_LINK } from "@/components/marketing/styles";
import { QueryProvider } from "@/components/providers/query-provider";

export const metadata: Metadata = {
  title: "Verify a credential",
  description: "Check any Open Badges or Verifiable Credential, including the position credentials Ladder issues: valid or invalid, and why.",
};

export default function VerifyPage() {
  return (
    <main id="main" className={`${CONTAINER} py-10 sm:py-14`}>
      <div className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight">Verify a credential</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">
          Paste a credential, give its link, or upload a badge image. Ladder checks the signature, the dates and, when the credential names
          one, its revocation list. It does not store what you check. Ladder&apos;s own public key is at{" "}
          <Link href="/issuer" className={TEXT_LINK} prefetch={false}>
            /issuer
          </Link>
          .
        </p>
        <div className="mt-8">
          <QueryProvider>
            <PublicVerifyForm />
          </QueryProvider>
        </div>
      </div>
    </main>
  );
}
