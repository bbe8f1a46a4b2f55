"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { formatDateTime } from "@/lib/format";
import { ACCESS_LABELS, ACCESS_LEVELS, type AccessLevel } from "@/lib/mentors/schemas";
import type { InvitationDto, MentorsList } from "@/lib/mentors/types";
import { CopyLink } from "./copy-link";
import { sharingKeys } from "./keys";

function AccessSelect({ id, value, onChange, label }: { id: string; value: AccessLevel; onChange: (value: AccessLevel) => void; label: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as AccessLevel)} className={inputClass}>
        {ACCESS_LEVELS.map((level) => (
          <option key={level} value={level}>
            {ACCESS_LABELS[level]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Invite mentors, see who can read your plan and when they last looked, change or revoke. */
export function MentorSettings() {
  const client = useQueryClient();
  const mentors = useQuery({ queryKey: sharingKeys.mentors, queryFn: () => fetchJson<MentorsList>("/api/mentors") });
  const [email, setEmail] = useState("");
  const [access, setAccess] = useState<AccessLevel>("summary");
  const [invited, setInvited] = useState<{ url: string; email: string } | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: sharingKeys.mentors });

  const invite = useMutation({
    mutationFn: () => fetchJson<{ invitation: InvitationDto; url: string }>("/api/mentors", { method: "POST", json: { email, access } }),
    onSuccess: (answer) => {
      setInvited({ url: answer.url, email: answer.invitation.email });
      setEmail("");
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: (input: { id: string; access: AccessLevel }) => fetchJson<MentorsList>(`/api/mentors/${encodeURIComponent(input.id)}`, { method: "PATCH", json: { access: input.access } }),
    onSuccess: (answer) => client.setQueryData(sharingKeys.mentors, answer),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson<void>(`/api/mentors/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!invite.isPending) invite.mutate();
  }

  const emailError = invite.error instanceof ApiError && invite.error.field === "email" ? invite.error.message.replace(/^email: /, "") : null;
  const data = mentors.data;
  return (
    <div className="space-y-6">
      <p className="text-slate-700 dark:text-slate-300">
        A mentor or team lead reads your plan with their own Ladder account, at the level you choose. They can leave comments; they can
        never change your checklist. You can change the level or revoke access at any time.
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        Mentoring someone yourself? Their plans are on{" "}
        <Link href="/mentoring" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          your mentoring page
        </Link>
        .
      </p>
      <form onSubmit={onSubmit} className="space-y-4" aria-labelledby="invite-heading">
        <h3 id="invite-heading" className="font-semibold">
          Invite a mentor
        </h3>
        <TextField id="mentor-email" label="Their email address" type="email" autoComplete="off" maxLength={254} required value={email} onChange={(event) => setEmail(event.target.value)} error={emailError} />
        <AccessSelect id="mentor-access" label="What they may see" value={access} onChange={setAccess} />
        <FormMessage tone="error">{invite.error && !emailError ? errorMessage(invite.error) : null}</FormMessage>
        <Button type="submit" isBusy={invite.isPending}>
          {invite.isPending ? "Sending…" : "Send invitation"}
        </Button>
      </form>
      {invited ? (
        <CopyLink
          label={`Invitation link for ${invited.email}`}
          url={invited.url}
          hint="We mailed them this link. Should the mail not arrive, send it yourself: it works once, within 14 days, and is shown only now."
        />
      ) : null}

      <section aria-labelledby="mentors-heading">
        <h3 id="mentors-heading" className="font-semibold">
          Your mentors
        </h3>
        <FormMessage tone="error">{mentors.error ?? change.error ?? revoke.error ? errorMessage(mentors.error ?? change.error ?? revoke.error) : null}</FormMessage>
        {data && data.mentors.length === 0 ? <p className="mt-2 text-slate-700 dark:text-slate-300">No one can read your plan.</p> : null}
        <ul className="mt-2 space-y-3">
          {data?.mentors.map((mentor) => (
            <li key={mentor.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <p className="break-words font-medium">{mentor.name ?? mentor.email}</p>
              {mentor.name ? <p className="break-words text-sm text-slate-600 dark:text-slate-400">{mentor.email}</p> : null}
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {mentor.lastViewedAt ? `Last looked ${formatDateTime(mentor.lastViewedAt)}` : "Has not looked yet"}
              </p>
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <AccessSelect
                  id={`access-${mentor.id}`}
                  label={`Access for ${mentor.name ?? mentor.email}`}
                  value={mentor.access}
                  onChange={(value) => change.mutate({ id: mentor.id, access: value })}
                />
                <Button variant="secondary" onClick={() => !revoke.isPending && revoke.mutate(mentor.id)} isBusy={revoke.isPending}>
                  Revoke<span className="sr-only"> access for {mentor.name ?? mentor.email}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
        {data && data.invitations.length > 0 ? (
          <>
            <h4 className="mt-4 text-sm font-semibold">Open invitations</h4>
            <ul className="mt-2 space-y-2">
              {data.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="break-all">
                    {invitation.email} · {invitation.access} · until {formatDateTime(invitation.expiresAt)}
                  </span>
                  <Button variant="secondary" onClick={() => !revoke.isPending && revoke.mutate(invitation.id)} isBusy={revoke.isPending}>
                    Cancel<span className="sr-only"> the invitation for {invitation.email}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
