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
