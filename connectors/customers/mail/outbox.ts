import type { Kysely } from 'kysely';
import type { Tenant } from '../../../src/sdk';
import type { CustomerTables } from '../tables';
import { renderMail, type MailKind, type MailValues } from './templates';

/**
 * Queues an account email in the caller's transaction: it is sent only if the change it tells of
 * commits. Rendered now, in the tenant's language and with its shop name.
 */
export async function enqueueMail(
  trx: Kysely<CustomerTables>,
  tenant: Tenant,
  kind: MailKind,
  recipient: string,
  values: Omit<MailValues, 'shopName'> = {},
): Promise<void> {
  const mail = renderMail(kind, tenant.locale, { ...values, shopName: tenant.name });
  await trx
    .insertInto('customer_mail_outbox')
    .values({
      tenant_id: tenant.id,
      kind,
      recipient,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
    })
    .execute();
}
