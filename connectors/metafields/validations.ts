import { unsafePattern } from './safe-regex';
import type { Validation } from './tables';
import { compareDecimals, dateTimeMillis, MAX_LIST_ITEMS, parseValue, type ValueType } from './value-types';

const TEXT: readonly ValueType[] = ['single_line_text_field', 'multi_line_text_field', 'list.single_line_text_field'];
const MIN_MAX: readonly ValueType[] = [...TEXT, 'number_integer', 'number_decimal', 'date', 'date_time'];
const CHOICES: readonly ValueType[] = ['single_line_text_field', 'list.single_line_text_field'];

/** Which validations each type takes. */
const APPLIES: Record<string, readonly ValueType[]> = { min: MIN_MAX, max: MIN_MAX, regex: TEXT, choices: CHOICES };

/** A problem with one validation of a definition input: its index and why. */
export interface ValidationProblem {
  index: number;
  message: string;
}

const isCount = (v: string) => /^(0|[1-9]\d{0,6})$/.test(v);

/** Whether `value` is a bound min/max may have for the type (text: a length). */
function boundProblem(type: ValueType, value: string): string | null {
  if (TEXT.includes(type)) return isCount(value) ? null : 'must be a length (a whole number of characters)';
  if (type === 'number_integer' || type === 'number_decimal' || type === 'date') {
    return parseValue(type, value).ok ? null : `must be a ${type} value`;
  }
  return dateTimeMillis(value) === null ? 'must be a date_time value' : null;
}

function choicesOf(value: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    const list = Array.isArray(parsed) && parsed.every((c) => typeof c === 'string') ? parsed : null;
    if (!list || list.length === 0 || list.length > MAX_LIST_ITEMS || new Set(list).size !== list.length) return null;
    return list.every((c) => parseValue('single_line_text_field', c).ok) ? list : null;
  } catch {
    return null;
  }
}

/** The problems of a definition's validations for its type (none: they can be stored). */
export function validationProblems(type: ValueType, validations: readonly Validation[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  validations.forEach(({ name, value }, index) => {
    const applies = APPLIES[name];
    if (!applies)
      return void problems.push({ index, message: `${name} is not a validation (min, max, regex, choices)` });
    if (!applies.includes(type)) return void problems.push({ index, message: `${name} does not apply to ${type}` });
    if (seen.has(name)) return void problems.push({ index, message: `${name} is given twice` });
    seen.add(name);
    let problem: string | null = null;
    if (name === 'min' || name === 'max') problem = boundProblem(type, value);
    else if (name === 'regex') problem = unsafePattern(value);
    else if (!choicesOf(value)) problem = 'must be a JSON array of 1 to 128 distinct single-line strings';
    if (problem) problems.push({ index, message: `${name} ${problem}` });
  });
  const min = validations.find((v) => v.name === 'min');
  const max = validations.find((v) => v.name === 'max');
  if (problems.length === 0 && min && max && compareBound(type, min.value, max.value) > 0) {
    problems.push({ index: validations.indexOf(max), message: 'max must not be below min' });
  }
  return problems;
}

/** Compares two bounds (or a value and a bound) of a type. */
function compareBound(type: ValueType, a: string, b: string): number {
  if (TEXT.includes(type) || type === 'number_integer') return Math.sign(Number(BigInt(a) - BigInt(b)));
  if (type === 'number_decimal') return compareDecimals(a, b);
  if (type === 'date') return a < b ? -1 : a > b ? 1 : 0;
  return Math.sign(dateTimeMillis(a)! - dateTimeMillis(b)!);
}

/** One text checked against the rules that apply to texts (each list item on its own). */
function textProblem(text: string, rules: ReadonlyMap<string, string>): string | null {
  const min = rules.get('min');
  const max = rules.get('max');
  const length = [...text].length;
  if (min !== undefined && length < Number(min)) return `must be at least ${min} characters`;
  if (max !== undefined && length > Number(max)) return `must be at most ${max} characters`;
  const regex = rules.get('regex');
  // Anchored whole: the pattern describes the entire value, as Shopify's does.
  if (regex !== undefined && !new RegExp(`^(?:${regex})$`, 'v').test(text)) return `must match ${regex}`;
  const choices = rules.get('choices');
  if (choices !== undefined && !(JSON.parse(choices) as string[]).includes(text)) return 'is not one of the choices';
  return null;
}

/**
 * Why a value (already valid for its type) breaks a definition's validations, or null. `text` is the
 * value's canonical text, `value` what parseValue read.
 */
export function ruleProblem(
  type: ValueType,
  validations: readonly Validation[],
  text: string,
  value: unknown,
): string | null {
  if (validations.length === 0) return null;
  const rules = new Map(validations.map((v) => [v.name, v.value]));
  if (type === 'list.single_line_text_field') {
    for (const [i, item] of (value as string[]).entries()) {
      const problem = textProblem(item, rules);
      if (problem) return `item ${i} ${problem}`;
    }
    return null;
  }
  if (TEXT.includes(type)) return textProblem(text, rules);
  const min = rules.get('min');
  const max = rules.get('max');
  if (min !== undefined && compareBound(type, text, min) < 0) return `must be at least ${min}`;
  if (max !== undefined && compareBound(type, text, max) > 0) return `must be at most ${max}`;
  return null;
}
