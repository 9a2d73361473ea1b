import { escapeHtml, oneLine } from './escape';

export type MailKind = 'welcome' | 'account-exists' | 'reset' | 'no-account' | 'verify';

/** What a template fills in: the shop's name, the shopper's name, a reset link (reset mails). */
export interface MailValues {
  shopName: string;
  firstName?: string | null;
  resetLink?: string;
  /** The email verification link (welcome and verify mails). */
  verifyLink?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A template's parts with `{shop}`, `{name}`, `{link}`, `{verify}` placeholders; paragraphs of plain text. */
interface Template {
  subject: string;
  paragraphs: string[];
}

const EN: Record<MailKind, Template> = {
  welcome: {
    subject: 'Welcome to {shop}',
    paragraphs: [
      'Hello {name},',
      'your account at {shop} is ready. Sign in with your email address and password.',
      'Please confirm that this email address is yours: {verify}',
    ],
  },
  verify: {
    subject: 'Confirm your email address at {shop}',
    paragraphs: [
      'Hello {name},',
      'your account at {shop} now uses this email address. Please confirm that it is yours: {verify}',
      'The link works once and expires. If you did not ask for this change, contact the shop.',
    ],
  },
  'account-exists': {
    subject: 'Your account at {shop}',
    paragraphs: [
      'Hello,',
      'someone tried to open an account at {shop} with this email address, which already has one or has ordered before.',
      'If it was you, reset your password to sign in. If not, you need not do anything.',
    ],
  },
  reset: {
    subject: 'Reset your password at {shop}',
    paragraphs: [
      'Hello {name},',
      'follow this link to choose a new password: {link}',
      'The link works once and expires soon. If you did not ask for it, ignore this email.',
    ],
  },
  'no-account': {
    subject: 'Password reset at {shop}',
    paragraphs: [
      'Hello,',
      'someone asked to reset the password of an account at {shop} for this email address, but it has no account.',
      'If it was you, sign up with this address. If not, you need not do anything.',
    ],
  },
};

const DE: Record<MailKind, Template> = {
  welcome: {
    subject: 'Willkommen bei {shop}',
    paragraphs: [
      'Hallo {name},',
      'Ihr Konto bei {shop} ist eingerichtet. Melden Sie sich mit E-Mail-Adresse und Passwort an.',
      'Bitte bestätigen Sie, dass diese E-Mail-Adresse Ihnen gehört: {verify}',
    ],
  },
  verify: {
    subject: 'E-Mail-Adresse bestätigen bei {shop}',
    paragraphs: [
      'Hallo {name},',
      'Ihr Konto bei {shop} verwendet nun diese E-Mail-Adresse. Bitte bestätigen Sie, dass sie Ihnen gehört: {verify}',
      'Der Link gilt einmal und nur begrenzte Zeit. Haben Sie die Änderung nicht veranlasst, wenden Sie sich an den Shop.',
    ],
  },
  'account-exists': {
    subject: 'Ihr Konto bei {shop}',
    paragraphs: [
      'Hallo,',
      'jemand wollte bei {shop} ein Konto mit dieser E-Mail-Adresse eröffnen, für die es schon ein Konto oder Bestellungen gibt.',
      'Waren Sie es, setzen Sie Ihr Passwort zurück. Sonst ist nichts zu tun.',
    ],
  },
  reset: {
    subject: 'Passwort zurücksetzen bei {shop}',
    paragraphs: [
      'Hallo {name},',
      'über diesen Link wählen Sie ein neues Passwort: {link}',
      'Der Link gilt einmal und nur kurze Zeit. Haben Sie ihn nicht angefordert, ignorieren Sie diese E-Mail.',
    ],
  },
  'no-account': {
    subject: 'Passwort zurücksetzen bei {shop}',
    paragraphs: [
      'Hallo,',
      'jemand wollte das Passwort eines Kontos bei {shop} für diese E-Mail-Adresse zurücksetzen, doch es gibt keines.',
      'Waren Sie es, registrieren Sie sich mit dieser Adresse. Sonst ist nichts zu tun.',
    ],
  },
};

const BY_LANGUAGE: Record<string, Record<MailKind, Template>> = { en: EN, de: DE };

function fill(text: string, values: MailValues, wrap: (s: string) => string, link: (url: string) => string) {
  return text
    .replace('{shop}', wrap(values.shopName))
    .replace('{name}', wrap(values.firstName?.trim() || (text.startsWith('Hallo') ? 'Kundin, Kunde' : 'there')))
    .replace('{link}', values.resetLink ? link(values.resetLink) : '')
    .replace('{verify}', values.verifyLink ? link(values.verifyLink) : '');
}

/**
 * A mail in the tenant's language (its locale's language when there is a template for it, else
 * English), as plain text and HTML. Every value is escaped in the HTML; the subject is one line.
 */
export function renderMail(kind: MailKind, locale: string, values: MailValues): RenderedMail {
  const language = locale.split(/[-_]/)[0].toLowerCase();
  const template = (BY_LANGUAGE[language] ?? EN)[kind];
  const plain = (s: string) => s;
  const text = template.paragraphs.map((p) => fill(p, values, plain, plain)).join('\n\n');
  const htmlLink = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const body = template.paragraphs.map((p) => `<p>${fill(escapeHtml(p), values, escapeHtml, htmlLink)}</p>`).join('\n');
  return {
    subject: oneLine(fill(template.subject, values, plain, plain)),
    text: `${text}\n`,
    html: `<!doctype html>\n<html lang="${escapeHtml(language)}"><body>\n${body}\n</body></html>\n`,
  };
}
