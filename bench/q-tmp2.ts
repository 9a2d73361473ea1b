import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const incl = new Map<string, number>();
let total = 0;
p.samples.forEach((id: number, i: number) => {
  const dt = p.timeDeltas[i] / 1000;
  total += dt;
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const f = (byId.get(cur) as any).callFrame;
    const k = `${f.functionName || '(anon)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '')}:${f.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + dt);
  }
});
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 70))
  console.log(((100 * v) / total).toFixed(1).padStart(5), k);
