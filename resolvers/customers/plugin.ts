import { definePlugin, schemaFragment } from '../../src/sdk';
import { CUSTOMER_EVENTS } from '../../connectors/customers/events';
import { createCustomerLoaders } from '../../connectors/customers/loaders';
import { migrations } from '../../connectors/customers/migrations';
import { seedCustomers } from '../../connectors/customers/seed';
import { customerResolvers } from './customer.resolvers';
import { permissions, readCustomers } from './permissions';
import { columns } from './columns';
import { accountMutations } from './account-mutations';
import { addressMutations } from './address-mutations';
import { recoveryMutations } from './recovery-mutations';
import { sendMailJob } from '../../connectors/customers/mail/send-job';
import { mailingAddressResolvers } from './address.resolvers';
import { verifyShopper } from './shopper';
import { customersTenantConfig } from '../../connectors/customers/settings';
import { customerPersonalData } from '../../connectors/customers/privacy';
import { privacyMutations } from './privacy-mutations';

/**
 * The shop's customers: admin list, search and detail (orders are added by the orders plugin); shoppers'
 * accounts on storefronts: sign-up, sign-in, address book (docs/customers.md).
 */
export const plugin = definePlugin({
  name: 'customers',
  version: '1.0.0',
  dependsOn: ['core'],
  typeDefs: schemaFragment('customers'),
  resolvers: {
    ...customerResolvers,
    Mutation: {
      ...customerResolvers.Mutation,
      ...accountMutations,
      ...recoveryMutations,
      ...addressMutations,
      ...privacyMutations,
    },
    MailingAddress: mailingAddressResolvers,
  },
  shoppers: verifyShopper,
  personalData: customerPersonalData,
  jobs: [sendMailJob],
  tenantConfig: customersTenantConfig,
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Customer: 'connectors/customers/tables#CustomerRow',
    CustomerConnection: 'CountedConnection<CustomerRow>',
    MailingAddress: 'connectors/customers/tables#CustomerAddressRow',
    MailingAddressConnection: 'Connection<CustomerAddressRow>',
  },
  permissions,
  costs: {
    'Query.customers': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Customer.addresses': { multipliers: ['first'], defaultSize: 10 },
  },
  columns,
  createLoaders: createCustomerLoaders,
  scopes: ['read_customers', 'write_customers'],
  events: CUSTOMER_EVENTS,
  migrations,
  seed: seedCustomers,
  nodes: {
    Customer: { load: (ctx, id) => ctx.loaders.customerById.load(id), visibleTo: readCustomers },
  },
});
