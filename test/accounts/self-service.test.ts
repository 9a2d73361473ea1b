import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { PLUGINS, retailTenants, rows } from '../domain/orders-fixtures';
import { asShopper, freshEmail, me, newShopper, PASSWORD, signIn, signUp } from './account-fixtures';
import { decodeQuotedPrintable, startInbox } from './smtp-inbox';

jest.setTimeout(90_000);

// beta signs in verified emails only.
const tenantsDir = retailTenants();
appendFileSync(join(tenantsDir, 'beta.yaml'), 'settings:\n  customers:\n    requireVerifiedEmail: true\n');

const UPDATE = `mutation($t: String, $c: CustomerUpdateInput!) {
  customerUpdate(customerAccessToken: $t, customer: $c) {
    customer { email firstName lastName phone }
    customerAccessToken { accessToken }
    customerUserErrors { field code }
  }
}`;
type UpdateAnswer = {
  customerUpdate: {
    customer: { email: string; firstName: string | null; lastName: string | null; phone: string | null } | null;
    customerAccessToken: { accessToken: string } | null;
    customerUserErrors: { field: string[]; code: string }[];
  };
};
const ACTIVATE = `mutation($id: ID!, $input: CustomerActivateInput!) {
  customerActivate(id: $id, input: $input) {
    customer { email }
    customerAccessToken { accessToken }
    customerUserErrors { field code }
  }
}`;
type ActivateAnswer = {
  customerActivate: {
    customer: { email: string } | null;
    customerAccessToken: { accessToken: string } | null;
    customerUserErrors: { field: string[]; code: string }[];
  };
};

async function sendMail(t: TestGateway) {
  const plugin = t.gateway.composition.plugins.find((p) => p.name === 'customers')!;
  const job = plugin.jobs!.find((j) => j.name === 'send-account-mail')!;
  await job.run(t.gateway.runtime, new AbortController().signal);
}

describeEachDatabase('a shopper changes their account; email verification', { plugins: PLUGINS, tenantsDir }, (get) => {
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  beforeAll(async () => {
    inbox = await startInbox();
    process.env.SMTP_URL = inbox.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await inbox.close();
  });
  const mailTo = (email: string) => inbox.received.filter((m) => m.to.includes(email)).map((m) => m.raw);
  /** The id and token of the last verification link mailed to `email`. */
  async function verificationLink(t: TestGateway, email: string) {
    await sendMail(t);
    const mail = decodeQuotedPrintable(mailTo(email).at(-1)!);
    const link = new URL(/https?:\/\/\S+\/account\/activate\?\S*token=[A-Za-z0-9_-]{43}/.exec(mail)![0]);
    return { id: link.searchParams.get('id')!, token: link.searchParams.get('token')!, mail };
  }
  const update = async (t: TestGateway, auth: Auth, c: Record<string, unknown>, token?: string) =>
    (await t.graphql<UpdateAnswer>(UPDATE, { t: token, c }, auth)).body.data!.customerUpdate;

  it('changes names and phone with the access token; refuses without one', async () => {
    const t = get();
    const token = await newShopper(t, 'alpha');
    const changed = await update(t, asShopper(t, 'alpha', token), {
      firstName: 'Grace',
      lastName: '',
      phone: '+1 555 0100',
    });
    expect(changed).toMatchObject({
      customer: { firstName: 'Grace', lastName: null, phone: '+1 555 0100' },
      customerAccessToken: null,
      customerUserErrors: [],
    });
    expect((await me(t, asShopper(t, 'alpha', token)))!.firstName).toBe('Grace');
    // The argument works as the header does; a bad token or none changes nothing.
    expect((await update(t, t.storefront('alpha'), { firstName: 'Ada' }, token)).customer!.firstName).toBe('Ada');
    for (const bad of [undefined, 'x'.repeat(43)]) {
      const refused = await update(t, t.storefront('alpha'), { firstName: 'Mallory' }, bad);
      expect(refused).toEqual({
        customer: null,
        customerAccessToken: null,
        customerUserErrors: [{ field: ['customerAccessToken'], code: 'TOKEN_INVALID' }],
      });
    }
    expect((await update(t, asShopper(t, 'alpha', token), { phone: 'call me' })).customerUserErrors).toEqual([
      { field: ['customer', 'phone'], code: 'INVALID' },
    ]);
  });

  it('changes the password with the current one: every other token is revoked, a new one answered', async () => {
    const t = get();
    const email = freshEmail('changer');
    const token = await newShopper(t, 'alpha', email);
    const otherSession = (await signIn(t, 'alpha', email)).customerAccessToken!.accessToken;
    const auth = asShopper(t, 'alpha', token);
    const NEW = 'an entirely new passphrase';
    for (const currentPassword of [undefined, 'not the password']) {
      expect((await update(t, auth, { password: NEW, currentPassword })).customerUserErrors).toEqual([
        { field: ['customer', 'currentPassword'], code: 'INVALID' },
      ]);
    }
    expect((await update(t, auth, { password: 'short', currentPassword: PASSWORD })).customerUserErrors[0].code).toBe(
      'TOO_SHORT',
    );
    const changed = await update(t, auth, { password: NEW, currentPassword: PASSWORD });
    expect(changed.customerUserErrors).toEqual([]);
    const fresh = changed.customerAccessToken!.accessToken;
    expect(await me(t, auth)).toBeNull();
    expect(await me(t, asShopper(t, 'alpha', otherSession))).toBeNull();
    expect((await me(t, asShopper(t, 'alpha', fresh)))!.email).toBe(email);
    expect((await signIn(t, 'alpha', email)).customerAccessToken).toBeNull();
    expect((await signIn(t, 'alpha', email, NEW)).customerAccessToken).not.toBeNull();
  });

  it('changes the email with the current password, mails a link to the new address, refuses a taken one', async () => {
    const t = get();
    const email = freshEmail('mover');
    const token = await newShopper(t, 'alpha', email);
    const auth = asShopper(t, 'alpha', token);
    const taken = freshEmail('taken');
    await signUp(t, 'alpha', taken);
    const moved = freshEmail('moved');
    expect((await update(t, auth, { email: moved })).customerUserErrors[0]).toEqual({
      field: ['customer', 'currentPassword'],
      code: 'INVALID',
    });
    expect((await update(t, auth, { email: taken, currentPassword: PASSWORD })).customerUserErrors).toEqual([
      { field: ['customer', 'email'], code: 'TAKEN' },
    ]);
    const changed = await update(t, auth, { email: moved.toUpperCase(), currentPassword: PASSWORD });
    expect(changed.customerUserErrors).toEqual([]);
    expect(changed.customer!.email).toBe(moved);
    const [account] = await rows<{ email_verified_at: Date | null }>(
      t,
      'alpha',
      sql`select a.email_verified_at from customer_accounts a join customers c on c.id = a.customer_id where c.email = ${moved}`,
    );
    expect(account.email_verified_at).toBeNull();
    const link = await verificationLink(t, moved);
    expect(link.mail).toMatch(/Subject: Confirm your email address at /);
    const activated = await t.graphql<ActivateAnswer>(
      ACTIVATE,
      { id: link.id, input: { activationToken: link.token } },
      t.storefront('alpha'),
    );
    expect(activated.body.data!.customerActivate).toMatchObject({ customer: { email: moved }, customerUserErrors: [] });
    expect((await signIn(t, 'alpha', moved)).customerAccessToken).not.toBeNull();
  });

  it('mails new accounts a verification link; a tenant may sign in verified emails only', async () => {
    const t = get();
    const email = freshEmail('verifier');
    await signUp(t, 'beta', email);
    const before = await signIn(t, 'beta', email);
    expect(before.customerAccessToken).toBeNull();
    expect(before.customerUserErrors.map((e) => e.code)).toEqual(['EMAIL_NOT_VERIFIED']);
    // A wrong password still gets the one answer for everything else.
    expect((await signIn(t, 'beta', email, 'not the password')).customerUserErrors[0].code).toBe(
      'UNIDENTIFIED_CUSTOMER',
    );
    const link = await verificationLink(t, email);
    expect(link.mail).toMatch(/Subject: Welcome to /);
    const [stored] = await rows<{ token_hash: string }>(
      t,
      'beta',
      sql`select token_hash from customer_activation_tokens k join customers c on c.id = k.customer_id where c.email = ${email}`,
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toBe(link.token);

    const activate = async (tenant: string, activationToken: string, id = link.id) =>
      (await t.graphql<ActivateAnswer>(ACTIVATE, { id, input: { activationToken } }, t.storefront(tenant))).body.data!
        .customerActivate;
    const invalid = [{ field: ['input', 'activationToken'], code: 'TOKEN_INVALID' }];
    // Another tenant, a made-up token: refused, and the real one still works after.
    expect((await activate('alpha', link.token)).customerUserErrors).toEqual(invalid);
    expect((await activate('beta', 'A'.repeat(43))).customerUserErrors).toEqual(invalid);
    const done = await activate('beta', link.token);
    expect(done.customerUserErrors).toEqual([]);
    expect((await me(t, asShopper(t, 'beta', done.customerAccessToken!.accessToken)))!.email).toBe(email);
    expect((await signIn(t, 'beta', email)).customerAccessToken).not.toBeNull();
    // Single use.
    expect((await activate('beta', link.token)).customerUserErrors).toEqual(invalid);
  });

  it('refuses an expired verification link', async () => {
    const t = get();
    const email = freshEmail('late');
    await signUp(t, 'beta', email);
    const link = await verificationLink(t, email);
    await rows(t, 'beta', sql`update customer_activation_tokens set expires_at = now() - interval '1 second'`);
    const late = await t.graphql<ActivateAnswer>(
      ACTIVATE,
      { id: link.id, input: { activationToken: link.token } },
      t.storefront('beta'),
    );
    expect(late.body.data!.customerActivate.customerUserErrors).toEqual([
      { field: ['input', 'activationToken'], code: 'TOKEN_INVALID' },
    ]);
    expect((await signIn(t, 'beta', email)).customerUserErrors[0].code).toBe('EMAIL_NOT_VERIFIED');
  });
});
