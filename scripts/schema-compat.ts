import { buildSchema, findBreakingChanges, Kind, parse, visit, type BreakingChange } from 'graphql';

/** A breaking change the team accepted on purpose, listed in schema/intended-breaking-changes.json. */
export interface IntendedChange {
  /** The change as the check prints it, e.g. "Product.legacyId was removed." */
  change: string;
  reason: string;
}

export interface CompatReport {
  /** Breaking changes not listed as intended: the check fails on these. */
  unintended: BreakingChange[];
  /** Breaking changes listed as intended (printed, not failing). */
  intended: BreakingChange[];
  /** Problems with the schema or the list: @deprecated without a reason, intended entries without a reason. */
  problems: string[];
}

/** Each @deprecated in the SDL that gives no reason, by the schema coordinate it marks. */
export function deprecationsWithoutReason(sdl: string): string[] {
  const found: string[] = [];
  const path: string[] = [];
  const named = (node: { name?: { value: string } }) => node.name?.value ?? '';
  const enter = (node: { name?: { value: string } }) => void path.push(named(node));
  const leave = () => void path.pop();
  const scopes = [
    Kind.OBJECT_TYPE_DEFINITION,
    Kind.OBJECT_TYPE_EXTENSION,
    Kind.INTERFACE_TYPE_DEFINITION,
    Kind.INTERFACE_TYPE_EXTENSION,
    Kind.INPUT_OBJECT_TYPE_DEFINITION,
    Kind.INPUT_OBJECT_TYPE_EXTENSION,
    Kind.ENUM_TYPE_DEFINITION,
    Kind.ENUM_TYPE_EXTENSION,
    Kind.FIELD_DEFINITION,
    Kind.INPUT_VALUE_DEFINITION,
    Kind.ENUM_VALUE_DEFINITION,
  ];
  visit(parse(sdl), {
    ...Object.fromEntries(scopes.map((kind) => [kind, { enter, leave }])),
    [Kind.DIRECTIVE]: (node) => {
      if (node.name.value !== 'deprecated') return;
      const reason = node.arguments?.find((a) => a.name.value === 'reason')?.value;
      if (!reason || (reason.kind === Kind.STRING && !reason.value.trim())) found.push(path.join('.'));
    },
  });
  return found;
}

/** Compares a schema with its previous version; breaking changes must be listed as intended, with a reason. */
export function compareSchemas(previousSdl: string, currentSdl: string, intended: IntendedChange[]): CompatReport {
  const changes = findBreakingChanges(buildSchema(previousSdl), buildSchema(currentSdl));
  const accepted = new Set(intended.filter((i) => i.reason?.trim()).map((i) => i.change));
  const problems = [
    ...deprecationsWithoutReason(currentSdl).map((at) => `${at} is @deprecated without a reason`),
    ...intended.filter((i) => !i.reason?.trim()).map((i) => `intended change "${i.change}" gives no reason`),
  ];
  return {
    unintended: changes.filter((c) => !accepted.has(c.description)),
    intended: changes.filter((c) => accepted.has(c.description)),
    problems,
  };
}
