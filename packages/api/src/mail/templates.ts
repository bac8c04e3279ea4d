import type { MailMessage } from "./mailer.ts";

export function verificationEmail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Confirm your email for Tesseract",
    text: `Confirm your email address by opening this link:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this message.`,
  };
}

export function passwordResetEmail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Reset your Tesseract password",
    text: `Someone asked to reset the password of your Tesseract account. To choose a new one, open:\n\n${link}\n\nThe link works once and expires in 1 hour. If it was not you, ignore this message; your password is unchanged.`,
  };
}

export function invitationEmail(
  to: string,
  details: { orgName: string; inviterName: string; role: string; link: string },
): MailMessage {
  return {
    to,
    subject: `${details.inviterName} invited you to ${details.orgName} on Tesseract`,
    text: `${details.inviterName} invited you to join ${details.orgName} on Tesseract as ${details.role}.\n\nAccept the invitation:\n\n${details.link}\n\nThe invitation expires in 7 days.`,
  };
}

/** Sent instead of an error when someone signs up with an address that has an account. */
export function signUpAttemptEmail(
  to: string,
  links: { signIn: string; resetPassword: string },
): MailMessage {
  return {
    to,
    subject: "Someone tried to sign up to Tesseract with your address",
    text: `Someone tried to create a Tesseract account with this email address, which already has one.\n\nIf it was you, sign in:\n\n${links.signIn}\n\nForgot your password? Reset it:\n\n${links.resetPassword}\n\nIf it was not you, ignore this message; your account is unchanged.`,
  };
}

const NOTICE: Record<
  "assigned" | "mentioned" | "commented",
  (who: string, where: string) => string
> = {
  assigned: (who, where) => `${who} assigned ${where} to you`,
  mentioned: (who, where) => `${who} mentioned you on ${where}`,
  commented: (who, where) => `${who} commented on ${where}`,
};

/** One notification by email: what happened, where, an excerpt, and the link to the task. */
export function notificationEmail(
  to: string,
  details: {
    kind: "assigned" | "mentioned" | "commented";
    actorName: string | null;
    orgName: string;
    taskKey: string;
    taskTitle: string;
    excerpt: string | null;
    link: string;
    settingsLink: string;
  },
): MailMessage {
  const what = NOTICE[details.kind](details.actorName ?? "Someone", details.taskKey);
  const quote = details.excerpt
    ? `\n\n${details.excerpt
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n")}`
    : "";
  return {
    to,
    subject: `${what}: ${details.taskTitle}`,
    text: `${what} (“${details.taskTitle}”) in ${details.orgName}.${quote}\n\nOpen the task:\n\n${details.link}\n\nChoose which notifications reach you by email: ${details.settingsLink}`,
  };
}
