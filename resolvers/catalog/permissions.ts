import { publicRead } from '../../src/sdk/graphql';

export const permissions = {
  Query: {
    products: publicRead('read_products'),
    product: publicRead('read_products'),
  },
};
