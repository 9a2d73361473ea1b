import { collectionMutations } from './collection-mutations';
import { optionMutations } from './option-mutations';
import { productMutations } from './product-mutations';
import { variantMutations } from './variant-mutations';

export const mutationResolvers = {
  ...productMutations,
  ...variantMutations,
  ...optionMutations,
  ...collectionMutations,
};
