import type { Config, Logger } from "@tesseract/config";
import type { Transporter } from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentMail extends MailMessage {
  id: string;
  sentAt: Date;
}

export interface Mailer {
  kind: "smtp" | "log" | "memory";
  send(message: MailMessage): Promise<void>;
  /** Messages kept in memory (the development inbox); empty for SMTP. */
  inbox(): SentMail[];
  close(): void;
}

const INBOX_SIZE = 100;

/**
 * SMTP when SMTP_URL is set; the server log when mail is set to be logged; otherwise messages
 * are kept in memory for the development inbox.
 */
export function createMailer(config: Config, logger: Logger): Mailer {
  if (config.mail.transport === "log") {
    return {
      kind: "log",
      send(message) {
        // Chosen by the operator (MAIL_TRANSPORT=log, or `pnpm start` on the embedded default):
        // the text holds the links people need, so it is logged whole.
        logger.warn(
          { to: message.to, subject: message.subject, text: message.text },
          "email written to the log instead of being sent (no SMTP_URL)",
        );
        return Promise.resolve();
      },
      inbox: () => [],
      close: () => undefined,
    };
  }
  if (config.mail.transport === "smtp" && config.mail.smtpUrl) {
    const smtpUrl = config.mail.smtpUrl;
    // Loaded on the first message: the API server sends none itself when a worker runs jobs.
    let transport: Promise<Transporter> | undefined;
    const connect = () =>
      (transport ??= import("nodemailer").then(({ createTransport }) => createTransport(smtpUrl)));
    return {
      kind: "smtp",
      async send(message) {
        await (await connect()).sendMail({ from: config.mail.from, ...message });
      },
      inbox: () => [],
      close: () => {
        void transport?.then((opened) => {
          opened.close();
        });
      },
    };
  }
  const kept: SentMail[] = [];
  let counter = 0;
  return {
    kind: "memory",
    send(message) {
      kept.unshift({ ...message, id: String(++counter), sentAt: new Date() });
      kept.length = Math.min(kept.length, INBOX_SIZE);
      logger.info(
        { to: message.to, subject: message.subject },
        "email kept in the development inbox (no SMTP_URL)",
      );
      return Promise.resolve();
    },
    inbox: () => [...kept],
    close: () => undefined,
  };
}
