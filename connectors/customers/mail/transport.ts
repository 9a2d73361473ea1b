import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { projectRoot } from '../../../src/sdk';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers one mail; resolves to where it went (a message id, or the .eml file written). */
export type MailTransport = (mail: OutgoingMail) => Promise<string>;

/**
 * SMTP when SMTP_URL is set (smtp://user:pass@host:port, smtps:// for TLS); otherwise, outside
 * production, each mail is written to .data/mail/ as an .eml file; in production without SMTP_URL, null:
 * mails wait in the outbox.
 */
export function mailTransport(env: NodeJS.ProcessEnv = process.env): MailTransport | null {
  if (env.SMTP_URL) {
    const smtp = nodemailer.createTransport(env.SMTP_URL);
    return async (mail) => (await smtp.sendMail(mail)).messageId;
  }
  if (env.NODE_ENV === 'production') return null;
  const folder = join(projectRoot(), '.data', 'mail');
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (mail) => {
    const info = await writer.sendMail(mail);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${Date.now()}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
    writeFileSync(file, info.message as Buffer);
    return file;
  };
}
