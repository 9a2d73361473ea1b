import { encodeGlobalId, listConnection, localIdOf, type GatewayContext } from '../../src/sdk';
import type { TaxRateRow } from '../../connectors/carts/taxes/calculator';
import { createTaxRate, deleteTaxRate, setCustomerTaxExempt, updateTaxRate } from '../../connectors/carts/taxes/writes';
import type {
  MutationCustomerTaxExemptUpdateArgs,
  MutationTaxRateCreateArgs,
  MutationTaxRateDeleteArgs,
  MutationTaxRateUpdateArgs,
  QueryTaxRatesArgs,
  ResolversParentTypes,
} from '../generated/resolvers-types';

/** Admin: tax rates by region and customers' exemption (scopes read_taxes / write_taxes). */
export const taxResolvers = {
  Query: {
    taxRates: async (_: unknown, args: QueryTaxRatesArgs, ctx: GatewayContext) =>
      listConnection(await ctx.loaders.taxRates.load('all'), args),
  },
  TaxRate: {
    id: (rate: TaxRateRow) => encodeGlobalId('TaxRate', rate.id),
    countryCode: (rate: TaxRateRow) => rate.country_code,
    provinceCode: (rate: TaxRateRow) => rate.province_code,
    ratePercentage: (rate: TaxRateRow) => rate.rate_percentage,
    appliesToShipping: (rate: TaxRateRow) => rate.applies_to_shipping,
  },
  Customer: {
    taxExempt: (customer: { id: string }, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.taxExemptCustomer.load(customer.id),
  },
  Mutation: {
    taxRateCreate: async (_: unknown, args: MutationTaxRateCreateArgs, ctx: GatewayContext) => {
      const { rate, userErrors } = await createTaxRate(ctx.db, args.input);
      return { taxRate: rate, userErrors };
    },
    taxRateUpdate: async (_: unknown, args: MutationTaxRateUpdateArgs, ctx: GatewayContext) => {
      const { rate, userErrors } = await updateTaxRate(ctx.db, localIdOf(args.id, 'TaxRate'), args.input);
      return { taxRate: rate, userErrors };
    },
    taxRateDelete: async (_: unknown, args: MutationTaxRateDeleteArgs, ctx: GatewayContext) => {
      const { deleted, userErrors } = await deleteTaxRate(ctx.db, localIdOf(args.id, 'TaxRate'));
      return { deletedTaxRateId: deleted ? args.id : null, userErrors };
    },
    customerTaxExemptUpdate: async (_: unknown, args: MutationCustomerTaxExemptUpdateArgs, ctx: GatewayContext) => {
      const { customerId, userErrors } = await setCustomerTaxExempt(
        ctx.db,
        localIdOf(args.customerId, 'Customer'),
        args.taxExempt,
      );
      // The customers plugin's node fetcher answers with the customer (null without read_customers).
      const customer = customerId
        ? await ctx.loadNodeOf<ResolversParentTypes['Customer']>('Customer', customerId)
        : null;
      return { customer, userErrors };
    },
  },
};
