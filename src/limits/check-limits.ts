import type { ErrorCode, TenantLimits } from '../sdk';
import { requestError } from './limit-error';
import type { OperationMeasure } from './measure';

const CHECKS: readonly [keyof OperationMeasure, keyof TenantLimits, ErrorCode, string][] = [
  ['tokens', 'maxTokens', 'MAX_TOKENS_EXCEEDED', 'token count'],
  ['depth', 'maxDepth', 'MAX_DEPTH_EXCEEDED', 'depth'],
  ['aliases', 'maxAliases', 'MAX_ALIASES_EXCEEDED', 'alias count'],
  ['rootFields', 'maxRootFields', 'MAX_ROOT_FIELDS_EXCEEDED', 'root field count'],
  ['directives', 'maxDirectives', 'MAX_DIRECTIVES_EXCEEDED', 'directive count'],
];

/** Throws the first limit of the tenant that the operation exceeds, with the measured value and the maximum. */
export function checkLimits(measured: OperationMeasure, limits: TenantLimits): void {
  for (const [measure, limit, code, what] of CHECKS) {
    if (measured[measure] > limits[limit]) {
      throw requestError(code, `The operation's ${what} is ${measured[measure]}; the maximum is ${limits[limit]}`, {
        extensions: { measured: measured[measure], maximum: limits[limit] },
      });
    }
  }
}
