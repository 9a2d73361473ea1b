/**
 * `compute` with its answers remembered for up to `max` keys. When full, it forgets them all at once:
 * the keys of a hot path come straight back, and there is no order to keep per read.
 */
export function remembered<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= max) answers.clear();
      answers.set(key, answer);
    }
    return answer;
  };
}
