import type { Metadata } from "next";
import { AcceptInvitation } from "@/components/sharing/accept-invitation";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Accept an invitation", referrer: "no-referrer", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/** Where an invitation link lands: accept it with your own account (sign in first). */
export default async function AcceptInvitationPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  await requirePageUser(`/mentoring/accept?token=${encodeURIComponent(value)}`);
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-bold tracking-tight">Accept an invitation to mentor</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Someone invited you to follow their career plan. Accepting lets you read it at the level they chose and leave comments. They can
        change the level or revoke it at any time.
      </p>
      <div className="mt-6">{value ? <AcceptInvitation token={value} /> : <p>This link has no invitation in it. Open the link you were sent.</p>}</div>
    </main>
  );
}
