import type { UserError } from '../../src/sdk';
import type { DefinitionChanges, NewDefinition } from './definitions';
import { namespaceOf, nameProblem } from './identifiers';
import type { OwnerType, StorefrontAccess, Validation } from './tables';
import { validationProblems } from './validations';
import { isValueType, VALUE_TYPES, type ValueType } from './value-types';

const MAX_NAME = 255;
const MAX_DESCRIPTION = 2_000;
const MAX_VALIDATIONS = 10;

export interface DefinitionInput {
  ownerType: OwnerType;
  namespace?: string | null;
  key: string;
  name: string;
  description?: string | null;
  type: string;
  validations?: readonly Validation[] | null;
  access?: { storefront?: StorefrontAccess | null } | null;
}

export interface DefinitionUpdateInput {
  id: string;
  name?: string | null;
  description?: string | null;
  validations?: readonly Validation[] | null;
  access?: { storefront?: StorefrontAccess | null } | null;
}

const f = (...path: string[]) => ['definition', ...path];

function textProblems(name: string | null | undefined, description: string | null | undefined): UserError[] {
  const errors: UserError[] = [];
  if (name != null && name.trim() === '')
    errors.push({ field: f('name'), code: 'BLANK', message: "name can't be blank" });
  if (name != null && name.length > MAX_NAME) {
    errors.push({ field: f('name'), code: 'TOO_LONG', message: `name is longer than ${MAX_NAME} characters` });
  }
  if (description != null && description.length > MAX_DESCRIPTION) {
    const message = `description is longer than ${MAX_DESCRIPTION} characters`;
    errors.push({ field: f('description'), code: 'TOO_LONG', message });
  }
  return errors;
}

function validationErrors(type: ValueType, validations: readonly Validation[]): UserError[] {
  if (validations.length > MAX_VALIDATIONS) {
    return [{ field: f('validations'), code: 'INVALID', message: `At most ${MAX_VALIDATIONS} validations` }];
  }
  return validationProblems(type, validations).map((p) => ({
    field: f('validations', String(p.index)),
    code: 'INVALID' as const,
    message: p.message,
  }));
}

const plain = (vs: readonly Validation[]) => vs.map(({ name, value }) => ({ name, value }));

/** A new definition from its input, or the input's problems. */
export function newDefinition(input: DefinitionInput): { definition?: NewDefinition; errors: UserError[] } {
  const namespace = namespaceOf(input.namespace);
  const errors = textProblems(input.name, input.description);
  const badNamespace = nameProblem('namespace', namespace);
  if (badNamespace) errors.push({ field: f('namespace'), code: 'INVALID', message: badNamespace });
  const badKey = nameProblem('key', input.key);
  if (badKey) errors.push({ field: f('key'), code: 'INVALID', message: badKey });
  const validations = plain(input.validations ?? []);
  if (!isValueType(input.type)) {
    errors.push({ field: f('type'), code: 'INVALID', message: `type must be one of ${VALUE_TYPES.join(', ')}` });
  } else errors.push(...validationErrors(input.type, validations));
  if (errors.length) return { errors };
  return {
    errors,
    definition: {
      ownerType: input.ownerType,
      namespace,
      key: input.key,
      name: input.name.trim(),
      description: input.description ?? null,
      type: input.type,
      validations,
      storefrontAccess: input.access?.storefront ?? 'NONE',
    },
  };
}

/** The changes an update input makes to a definition of `type`, or the input's problems. */
export function definitionChanges(
  type: string,
  input: DefinitionUpdateInput,
): { changes?: DefinitionChanges; errors: UserError[] } {
  const errors = textProblems(input.name, input.description);
  const validations = input.validations == null ? undefined : plain(input.validations);
  if (validations && isValueType(type)) errors.push(...validationErrors(type, validations));
  if (errors.length) return { errors };
  return {
    errors,
    changes: {
      name: input.name?.trim() ?? undefined,
      description: input.description,
      validations,
      storefrontAccess: input.access?.storefront ?? undefined,
    },
  };
}
