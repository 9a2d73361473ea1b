import { defineRemotePlugin } from '../../../src/sdk';
import { isAdmin, publicRead } from '../../../src/sdk/graphql';

/** The reviews service as a federated connector: Product.rating, Product.reviews, reviewCreate. */
export const plugin = defineRemotePlugin({
  name: 'reviews',
  version: '1.0.0',
  dependsOn: ['catalog'],
  remote: { url: process.env.REVIEWS_URL ?? 'http://127.0.0.1:4001/graphql', kind: 'federation' },
  permissions: {
    Query: { latestReviews: publicRead('read_products') },
    Mutation: { reviewCreate: isAdmin },
    Product: {
      rating: publicRead('read_products'),
      reviews: publicRead('read_products'),
      reviewSummary: publicRead('read_products'),
      shippingEstimate: publicRead('read_products'),
    },
  },
  costs: {
    'Product.reviews': { multipliers: ['first'], defaultSize: 10 },
    'Query.latestReviews': { multipliers: ['first'], defaultSize: 10 },
  },
});
