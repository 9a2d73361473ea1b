import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { SUITE } from '../domain/orders-fixtures';
import { asShopper, freshEmail, me, newShopper, PASSWORD, signIn } from './account-fixtures';
import { decodeQuotedPrintable, startInbox } from './smtp-inbox';

jest.setTimeout(90_000);

const RECOVER = `mutation($email: String!) { customerRecover(email: $email) { customerUserErrors { code } } }`;
const RESET = `mutation($id: ID!, $input: CustomerResetInput!) {
  customerReset(id: $id, input: $input) {
    customer { email }
    customerAccessToken { accessToken }
    customerUserErrors { field code message }
  }
}`;
type ResetAnswer = {
  customerReset: {
    customer: { email: string } | null;
    customerAccessToken: { accessToken: string } | null;
    customerUserErrors: { code: string }[];
  };
};

/** Runs the plugin's mail job once, as the fleet's job runner would. */
async function sendMail(t: TestGateway) {
  const plugin = t.gateway.composition.plugins.find((p) => p.name === 'customers')!;
  const job = plugin.jobs!.find((j) => j.name === 'send-account-mail')!;
  await job.run(t.gateway.runtime, new AbortController().signal);
}

describeEachDatabase('password recovery through the mail outbox and a real SMTP server', SUITE, (get) => {
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

  it('resets a password with the link read from the mail; old tokens stop working', async () => {
    const t = get();
    const email = freshEmail('forgetful');
    const oldToken = await newShopper(t, 'alpha', email);
    await sendMail(t);
    expect(mailTo(email)).toHaveLength(1); // the welcome mail
    expect(mailTo(email)[0]).toMatch(/Subject: Welcome to /);

    const recovered = await t.graphql<{ customerRecover: { customerUserErrors: unknown[] } }>(
      RECOVER,
      { email },
      t.storefront('alpha'),
    );
    expect(recovered.body.data!.customerRecover.customerUserErrors).toEqual([]);
    await sendMail(t);
    const mail = decodeQuotedPrintable(mailTo(email)[1]);
    expect(mail).toMatch(/Content-Type: text\/plain/);
    expect(mail).toMatch(/Content-Type: text\/html/);
    const link = new URL(/https?:\/\/\S+token=[A-Za-z0-9_-]{43}/.exec(mail)![0]);
    const id = link.searchParams.get('id')!;
    const resetToken = link.searchParams.get('token')!;

    const reset = async (password: string) =>
      (await t.graphql<ResetAnswer>(RESET, { id, input: { resetToken, password } }, t.storefront('alpha'))).body.data!
        .customerReset;
    const done = await reset('a brand new passphrase');
    expect(done.customerUserErrors).toEqual([]);
    expect(done.customer!.email).toBe(email);
    expect(await me(t, asShopper(t, 'alpha', oldToken))).toBeNull();
    expect(await me(t, asShopper(t, 'alpha', done.customerAccessToken!.accessToken))).not.toBeNull();
    expect((await signIn(t, 'alpha', email, PASSWORD)).customerAccessToken).toBeNull();
    expect((await signIn(t, 'alpha', email, 'a brand new passphrase')).customerAccessToken).not.toBeNull();
    // The token works once.
    expect((await reset('yet another passphrase')).customerUserErrors[0].code).toBe('TOKEN_INVALID');
  });

  it('answers the same for an unknown email, whose owner is told there is no account', async () => {
    const t = get();
    const nobody = freshEmail('nobody');
    const knownEmail = freshEmail('known');
    await newShopper(t, 'alpha', knownEmail);
    const res = await t.graphql<{ customerRecover: { customerUserErrors: unknown[] } }>(
      RECOVER,
      { email: nobody },
      t.storefront('alpha'),
    );
    const known = await t.graphql(RECOVER, { email: knownEmail }, t.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ customerRecover: { customerUserErrors: [] } });
    expect(known.body.data).toEqual(res.body.data);
    await sendMail(t);
    const [mail] = mailTo(nobody).map(decodeQuotedPrintable);
    expect(mail).toMatch(/has no account/);
    expect(mail).not.toMatch(/token=/);
  });

  it('refuses a reset token of another customer, a made-up one and a weak password', async () => {
    const t = get();
    const victim = (await me(t, asShopper(t, 'alpha', await newShopper(t, 'alpha'))))!;
    const attacker = freshEmail('attacker');
    await newShopper(t, 'alpha', attacker);
    await t.graphql(RECOVER, { email: attacker }, t.storefront('alpha'));
    await sendMail(t);
    const mail = decodeQuotedPrintable(mailTo(attacker).at(-1)!);
    const resetToken = /token=([A-Za-z0-9_-]{43})/.exec(mail)![1];
    const tryReset = async (id: string, token: string, password: string) =>
      (
        await t.graphql<ResetAnswer>(RESET, { id, input: { resetToken: token, password } }, t.storefront('alpha'))
      ).body.data!.customerReset.customerUserErrors.map((e) => e.code);
    expect(await tryReset(victim.id, resetToken, 'taken over account')).toEqual(['TOKEN_INVALID']);
    expect(await tryReset(victim.id, 'A'.repeat(43), 'taken over account')).toEqual(['TOKEN_INVALID']);
    expect(await tryReset(victim.id, resetToken, 'short')).toEqual(['TOO_SHORT']);
  });
});
