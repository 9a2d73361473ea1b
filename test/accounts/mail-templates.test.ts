import { renderMail } from '../../connectors/customers/mail/templates';

describe('account mail templates', () => {
  it('escapes every value in the HTML and keeps the subject on one line', () => {
    const values = {
      shopName: "Tom & Jerry's <script>alert(1)</script>\r\nBcc: x@evil.test",
      firstName: '<img src=x onerror=alert(1)>',
      resetLink: 'https://shop.test/reset?id=1&token="><script>',
    };
    const mail = renderMail('reset', 'en-US', values);
    const welcome = renderMail('welcome', 'en-US', values);
    expect(mail.html + welcome.html).not.toMatch(/<script>|<img/);
    expect(welcome.html).toContain('Tom &amp; Jerry&#39;s &lt;script&gt;');
    expect(welcome.text).toContain("Tom & Jerry's <script>");
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('<a href="https://shop.test/reset?id=1&amp;token=&quot;&gt;&lt;script&gt;">');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toMatch(/^Reset your password at Tom & Jerry's <script>alert\(1\)<\/script> Bcc/);
  });

  it("speaks the tenant's language, with English for the others", () => {
    expect(renderMail('welcome', 'de-DE', { shopName: 'Acme' }).subject).toBe('Willkommen bei Acme');
    expect(renderMail('welcome', 'fr-FR', { shopName: 'Acme' }).subject).toBe('Welcome to Acme');
    expect(renderMail('welcome', 'en-US', { shopName: 'Acme', firstName: 'Ada' }).text).toMatch(/^Hello Ada,/);
  });
});
