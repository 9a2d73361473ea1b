import { visit, type DocumentNode } from 'graphql';
import { requestError } from './limit-error';

/** Keys that could reach an object's prototype through a careless merge; refused in any variable. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_NESTING = 32;

const badInput = (message: string, extensions: Record<string, unknown> = {}) =>
  requestError('BAD_USER_INPUT', message, { extensions });

function checkString(value: string, maxLength: number, place: string) {
  const where = place.length > 120 ? `${place.slice(0, 120)}…` : place;
  if (value.includes('\u0000')) throw badInput(`${where} contains a NUL character`);
  if (value.length > maxLength) throw badInput(`${where} is longer than ${maxLength} characters`);
}

/** Every string in the variables is free of NUL and within the length limit; no prototype keys; bounded nesting. */
export function checkVariables(variables: unknown, maxLength: number): void {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '$', depth: 0 }];
  while (pending.length) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') checkString(value, maxLength, `Variable ${path}`);
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_NESTING) throw badInput(`Variable ${path} nests deeper than ${MAX_NESTING} levels`);
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw badInput(`Variable ${path} uses the forbidden key "${key}"`);
      pending.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
}

const literalProblems = new WeakMap<DocumentNode, string | null>();

/** The same rule for string literals written in the document itself (checked once per document). */
export function checkLiterals(document: DocumentNode, maxLength: number): void {
  let problem = literalProblems.get(document);
  if (problem === undefined) {
    problem = null;
    try {
      visit(document, { StringValue: (node) => checkString(node.value, maxLength, 'A string literal') });
    } catch (error) {
      problem = (error as Error).message;
    }
    literalProblems.set(document, problem);
  }
  if (problem) throw badInput(problem);
}
