import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mailTransport } from '../../connectors/customers/mail/transport';

describe('account mail transport', () => {
  it('writes each mail to .data/mail as an .eml file outside production without SMTP_URL', async () => {
    const send = mailTransport({ NODE_ENV: 'development' })!;
    const file = await send({
      from: 'shop@example.test',
      to: 'ada@example.test',
      subject: 'Welcome to Acme',
      text: 'Hello Ada\n',
      html: '<p>Hello Ada</p>',
    });
    try {
      expect(file).toMatch(/[/\\]\.data[/\\]mail[/\\][^/\\]+\.eml$/);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toMatch(/^Subject: Welcome to Acme$/m);
      expect(eml).toMatch(/^To: ada@example.test$/m);
    } finally {
      rmSync(file, { force: true });
    }
    expect(existsSync(file)).toBe(false);
  });

  it('keeps mail in the outbox in production without SMTP_URL', () => {
    expect(mailTransport({ NODE_ENV: 'production' })).toBeNull();
  });
});
