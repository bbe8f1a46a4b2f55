import type { Metadata } from "next";
import type { ReactNode } from "react";
import { DataTransfer } from "@/components/data/data-transfer";
import { CalendarLink } from "@/components/plan/calendar-link";
import { DeleteAccount } from "@/components/settings/delete-account";
import { EmailSettings } from "@/components/settings/email-settings";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { ReminderSettings } from "@/components/settings/reminder-settings";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { MentorSettings } from "@/components/sharing/mentor-settings";
import { ShareSettings } from "@/components/sharing/share-settings";
import { getAccount } from "@/lib/accounts/get-account";
import { requirePageUser } from "@/lib/auth/session";
import { getReminderSettings } from "@/lib/reminders/settings";

export const metadata: Metadata = { title: "Settings" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 p-4 sm:p-6 dark:border-slate-800">
      <h2 id={id} className="mb-4 scroll-mt-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const account = await getAccount(user.id);
  const reminders = await getReminderSettings(user.id);
  return (
    <main id="main" className="mx-auto w-full max-w-5xl space-y-6 px-4 py-10 sm:px-6 [&>*]:max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <Section id="profile-heading" title="Profile">
        <ProfileForm initialName={account.name} email={account.email} />
      </Section>
      <Section id="email-heading" title="Email">
        <EmailSettings email={account.email} isConfirmed={reminders.emailConfirmed} hasPassword={account.hasPassword} />
      </Section>
      <Section id="reminders-heading" title="Reminders">
        <ReminderSettings initial={reminders} />
      </Section>
      {account.hasPassword ? (
        <Section id="password-heading" title="Password">
          <PasswordForm email={account.email} name={account.name} />
        </Section>
      ) : null}
      <Section id="share-heading" title="Public page">
        <ShareSettings />
      </Section>
      <Section id="mentors-settings-heading" title="Mentors">
        <MentorSettings />
      </Section>
      <Section id="sessions-heading" title="Sessions">
        <SignOutEverywhere />
      </Section>
      <Section id="calendar-heading" title="Calendar">
        <CalendarLink />
      </Section>
      <Section id="your-data" title="Your data">
        <DataTransfer />
      </Section>
      <Section id="delete-heading" title="Delete account">
        <DeleteAccount hasPassword={account.hasPassword} />
      </Section>
    </main>
  );
}
