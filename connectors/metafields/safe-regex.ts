/**
 * Patterns a definition's `regex` validation may use, chosen so a check never runs away: at most 200
 * characters, compiled with the `v` flag (strict syntax), no backreferences or lookarounds, no quantified
 * group that holds a quantifier or an alternation (`(a+)+`, `(a|ab)*`: exponential backtracking), and at
 * most two unbounded quantifiers in all (polynomial backtracking stays within a few million steps on the
 * bounded values checked: text fields are at most 5,000 characters).
 */
export const MAX_PATTERN = 200;
const MAX_UNBOUNDED = 2;
/** A bounded repeat counts as unbounded above this count (`{1,1000}`). */
const LARGE_REPEAT = 10;

/** Why a pattern is refused, or null when it is safe to use. */
export function unsafePattern(pattern: string): string | null {
  if (pattern.length === 0) return 'The pattern is empty';
  if (pattern.length > MAX_PATTERN) return `The pattern is longer than ${MAX_PATTERN} characters`;
  try {
    new RegExp(pattern, 'v');
  } catch {
    return 'The pattern is not a valid regular expression';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'Backreferences are not allowed';
  if (/\(\?<?[=!]/.test(pattern)) return 'Lookarounds are not allowed';
  return backtracking(pattern);
}

const quantifierAt = (p: string, i: number): { unbounded: boolean; length: number } | null => {
  const c = p[i];
  if (c === '*' || c === '+') return { unbounded: true, length: 1 };
  if (c === '?') return { unbounded: false, length: 1 };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return null;
    const upper = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { unbounded: upper > LARGE_REPEAT, length: m[0].length };
  }
  return null;
};

/** Scans groups and classes: refuses nested quantifiers, quantified alternations, too many unbounded repeats. */
function backtracking(p: string): string | null {
  /** Per open group: whether it holds a quantifier or an alternation. */
  const groups: { risky: boolean }[] = [];
  let unbounded = 0;
  let lastGroupRisky = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i += 1;
      lastGroupRisky = false;
      continue;
    }
    if (c === '[') {
      // Skip the class (with `v`, classes nest: count brackets, escapes skipped).
      let depth = 1;
      while (depth > 0 && ++i < p.length) {
        if (p[i] === '\\') i += 1;
        else if (p[i] === '[') depth += 1;
        else if (p[i] === ']') depth -= 1;
      }
      lastGroupRisky = false;
      continue;
    }
    if (c === '(') {
      groups.push({ risky: false });
      lastGroupRisky = false;
      continue;
    }
    if (c === ')') {
      const group = groups.pop();
      lastGroupRisky = group?.risky ?? false;
      if (group?.risky && groups.length) groups[groups.length - 1].risky = true;
      continue;
    }
    if (c === '|') {
      if (groups.length) groups[groups.length - 1].risky = true;
      lastGroupRisky = false;
      continue;
    }
    const q = quantifierAt(p, i);
    if (q) {
      if (lastGroupRisky && q.unbounded) return 'A repeated group may not hold a repeat or an alternation';
      if (q.unbounded) unbounded += 1;
      if (unbounded > MAX_UNBOUNDED) return `At most ${MAX_UNBOUNDED} unbounded repeats are allowed`;
      if (groups.length) groups[groups.length - 1].risky = true;
      i += q.length - 1;
      if (p[i + 1] === '?') i += 1; // lazy
      lastGroupRisky = false;
      continue;
    }
    lastGroupRisky = false;
  }
  return null;
}
