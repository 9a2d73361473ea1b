import { sql } from 'kysely';
import type { PluginJob, PluginRuntime, Tenant } from '../../../src/sdk';
import { customersSettings } from '../settings';
import type { CustomerTables } from '../tables';
import { mailTransport, type MailTransport } from './transport';

const BATCH = 20;
const MAX_ATTEMPTS = 8;

/** Sends a tenant's due mails, each claimed with SKIP LOCKED; a sent mail's bodies are blanked. */
export async function sendDueMail(runtime: PluginRuntime, tenant: Tenant, transport: MailTransport): Promise<number> {
  const from = customersSettings(tenant).mailFrom ?? `no-reply@${tenant.id}.invalid`;
  let sent = 0;
  for (let more = true; more;) {
    more = await runtime.withTenant<CustomerTables, boolean>(tenant.id, async (trx) => {
      const due = await trx
        .selectFrom('customer_mail_outbox')
        .selectAll()
        .where('tenant_id', '=', tenant.id)
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const mail of due) {
        try {
          const where = await transport({
            from,
            to: mail.recipient,
            subject: mail.subject,
            text: mail.text_body ?? '',
            html: mail.html_body ?? '',
          });
          await trx
            .updateTable('customer_mail_outbox')
            .set({ sent_at: sql<Date>`now()`, text_body: null, html_body: null, attempts: mail.attempts + 1 })
            .where('tenant_id', '=', tenant.id)
            .where('id', '=', mail.id)
            .execute();
          runtime.log.info({ tenant: tenant.id, mail: mail.id, kind: mail.kind, to: where }, 'account mail sent');
          sent += 1;
        } catch (error) {
          const attempts = mail.attempts + 1;
          // Backs off 30 s, 1 min, 2 min... and gives up (blanking the bodies) after MAX_ATTEMPTS.
          const giveUp = attempts >= MAX_ATTEMPTS;
          await trx
            .updateTable('customer_mail_outbox')
            .set({
              attempts,
              last_error: (error as Error).name.slice(0, 100),
              next_attempt_at: giveUp
                ? sql<Date>`'infinity'::timestamptz`
                : sql<Date>`now() + make_interval(secs => ${30 * 2 ** (attempts - 1)})`,
              ...(giveUp ? { text_body: null, html_body: null } : {}),
            })
            .where('tenant_id', '=', tenant.id)
            .where('id', '=', mail.id)
            .execute();
          runtime.log.warn({ tenant: tenant.id, mail: mail.id, attempts, err: error }, 'account mail not sent');
        }
      }
      return due.length === BATCH;
    });
  }
  return sent;
}

/** The job that empties every tenant's outbox (once per fleet). */
export const sendMailJob: PluginJob = {
  name: 'send-account-mail',
  intervalMs: 5_000,
  async run(runtime, signal) {
    const transport = mailTransport();
    if (!transport) return;
    for (const tenant of runtime.tenants()) {
      if (signal.aborted) return;
      if (tenant.plugins.has('customers')) await sendDueMail(runtime, tenant, transport);
    }
  },
};
