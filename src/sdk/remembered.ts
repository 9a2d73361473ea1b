/**
 * Answers remembered for up to `max` keys. When full, it forgets them all at once: the keys of a hot path
 * come straight back, and there is no order to keep per read.
 */
export class Memo<K, V> {
  private readonly answers = new Map<K, V>();
  constructor(private readonly max: number) {}

  get(key: K, compute: (key: K) => V): V {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (this.answers.size >= this.max) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}

/** `compute` with its answers remembered for up to `max` keys (see Memo). */
export function remembered<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Memo<K, V>(max);
  return (key) => memo.get(key, compute);
}
