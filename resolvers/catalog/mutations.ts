import { collectionMutations } from './collection-mutations';
import { optionMutations } from './option-mutations';
import { productMutations } from './product-mutations';
import { variantMutations } from './variant-mutations';
import type { MutationResolvers } from '../generated/resolvers-types';

export const mutationResolvers: MutationResolvers = {
  ...productMutations,
  ...variantMutations,
  ...optionMutations,
  ...collectionMutations,
};
