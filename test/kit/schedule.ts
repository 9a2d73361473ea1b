import { randomInt } from 'node:crypto';

/** A seeded random source, so a failing concurrent schedule replays exactly (mulberry32). */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { seed, next, int, pick: (items) => items[int(0, items.length - 1)] };
}

/** The seed of RG_SCHEDULE_SEED when set (to replay a failure), else a new one. */
export function scheduleSeed(): number {
  const given = process.env.RG_SCHEDULE_SEED;
  if (given === undefined || given === '') return randomInt(1, 2 ** 31);
  const seed = Number(given);
  if (!Number.isInteger(seed)) throw new Error(`RG_SCHEDULE_SEED must be an integer, not ${given}`);
  return seed;
}

/** Picks one of `weighted`'s keys with the given weights. */
export function pickWeighted<K extends string>(random: Random, weighted: Record<K, number>): K {
  const entries = Object.entries(weighted) as [K, number][];
  let left = random.next() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  return entries[entries.length - 1][0];
}

/** Runs every task, at most `limit` at a time, in order of the list; settles when all have. */
export async function runBounded(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let nextTask = 0;
  const worker = async () => {
    while (nextTask < tasks.length) await tasks[nextTask++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
