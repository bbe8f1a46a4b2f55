// The product's mails as plain text plus simple HTML. Pure: the callers pass names and links.

export type MailContent = { subject: string; text: string; html: string };

const PRODUCT = "Ladder";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

type Block = { text: string } | { link: string; label: string } | { list: string[] };

function greeting(name: string | null): string {
  return name ? `Hi ${name},` : "Hi,";
}

/** Renders blocks into the text and HTML bodies; links appear in full in both. */
function compose(subject: string, name: string | null, blocks: Block[], footer: Block[] = []): MailContent {
  const all = [{ text: greeting(name) }, ...blocks, { text: `The ${PRODUCT} team` }, ...footer];
  const text = all
    .map((block) => {
      if ("text" in block) return block.text;
      if ("link" in block) return `${block.label}:\n${block.link}`;
      return block.list.map((item) => `- ${item}`).join("\n");
    })
    .join("\n\n");
  const htmlBlocks = all
    .map((block) => {
      if ("text" in block) return `<p>${escapeHtml(block.text)}</p>`;
      if ("link" in block) return `<p><a href="${escapeHtml(block.link)}">${escapeHtml(block.label)}</a></p>`;
      return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    })
    .join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40rem">\n${htmlBlocks}\n</body></html>`;
  return { subject, text: `${text}\n`, html };
}

export function passwordResetMail(input: { name: string | null; link: string; validMinutes: number }): MailContent {
  return compose(`Reset your ${PRODUCT} password`, input.name, [
    { text: `Someone (hopefully you) asked to reset the password of your ${PRODUCT} account.` },
    { link: input.link, label: "Choose a new password" },
    { text: `The link works once, for ${input.validMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.` },
  ]);
}

export function passwordResetWithoutPasswordMail(input: { name: string | null; signInLink: string }): MailContent {
  return compose(`Signing in to ${PRODUCT}`, input.name, [
    { text: `Someone (hopefully you) asked to reset the password of your ${PRODUCT} account. Your account has no password: it signs in with GitHub or Google.` },
    { link: input.signInLink, label: "Sign in with GitHub or Google" },
  ]);
}

export function passwordChangedMail(input: { name: string | null; forgotLink: string }): MailContent {
  return compose(`Your ${PRODUCT} password was changed`, input.name, [
    { text: `The password of your ${PRODUCT} account was just changed, and every device was signed out.` },
    { text: "If this was not you, choose a new password at once:" },
    { link: input.forgotLink, label: "Reset your password" },
  ]);
}

export function confirmEmailMail(input: { name: string | null; link: string; validHours: number }): MailContent {
  return compose(`Confirm your email for ${PRODUCT}`, input.name, [
    { text: `Please confirm that this address belongs to your ${PRODUCT} account. Reminders and the weekly digest go only to confirmed addresses.` },
    { link: input.link, label: "Confirm my email address" },
    { text: `The link works for ${input.validHours} hours. If you did not create an account, ignore this mail.` },
  ]);
}

export function emailChangedMail(input: { name: string | null; newEmail: string; forgotLink: string }): MailContent {
  return compose(`The email of your ${PRODUCT} account was changed`, input.name, [
    { text: `The email address of your ${PRODUCT} account was changed to ${input.newEmail}. Mail now goes there.` },
    { text: "If this was not you, someone knows your password: reset it and contact us." },
    { link: input.forgotLink, label: "Reset your password" },
  ]);
}

function unsubscribeFooter(what: string, settingsLink: string, unsubscribeLink: string): Block[] {
  return [
    { text: `You get this mail because ${what} is switched on in your settings.` },
    { link: unsubscribeLink, label: `Unsubscribe from ${what}` },
    { link: settingsLink, label: "Change which mails you get" },
  ];
}

export function renewalReminderMail(input: {
  name: string | null;
  title: string;
  expiresOn: string;
  daysLeft: number;
  dashboardLink: string;
  settingsLink: string;
  unsubscribeLink: string;
}): MailContent {
  const days = `${input.daysLeft} day${input.daysLeft === 1 ? "" : "s"}`;
  return compose(
    `${input.title} expires in ${days}`,
    input.name,
    [
      { text: `Your certification "${input.title}" expires on ${input.expiresOn}, in ${days}. An expired certification no longer counts towards your rung.` },
      { text: "Once you have renewed it, enter the new expiry date on your dashboard." },
      { link: input.dashboardLink, label: "Open your dashboard" },
    ],
    unsubscribeFooter("renewal reminders", input.settingsLink, input.unsubscribeLink),
  );
}

export type DigestContent = {
  /** Items whose status changed in the last 7 days, in words ("AWS Certified Machine Learning: done"). */
  changed: string[];
  /** Where the person stands and what the next rung still asks for. */
  position: string;
  next: string[];
  /** Items done per week over the last four weeks, or null when there is not enough history. */
  pace: string | null;
};

export function weeklyDigestMail(
  input: DigestContent & { name: string | null; weekOf: string; dashboardLink: string; settingsLink: string; unsubscribeLink: string },
): MailContent {
  const blocks: Block[] = [{ text: `Your week on ${PRODUCT} (week of ${input.weekOf}).` }];
  if (input.changed.length > 0) blocks.push({ text: "What changed:" }, { list: input.changed });
  else blocks.push({ text: "Nothing changed on your checklist this week." });
  blocks.push({ text: input.position });
  if (input.next.length > 0) blocks.push({ text: "What is next:" }, { list: input.next });
  blocks.push({ text: input.pace ?? "Pace: not enough history yet." });
  blocks.push({ link: input.dashboardLink, label: "Open your dashboard" });
  return compose(`Your week on ${PRODUCT}`, input.name, blocks, unsubscribeFooter("the weekly digest", input.settingsLink, input.unsubscribeLink));
}
