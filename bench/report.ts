/** The benchmark's result and the table printed from it; the benchmark and the soak write theirs to bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/sdk';

export interface VariantResult {
  rps: number;
  /** Closed-loop latency in ms (median over cycles). */
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  errors: number;
  sqlStatements: number;
  /** HTTP calls to the reviews subgraph per request (the `rated` scenario; must be 1). */
  subgraphCalls?: number;
}

export interface Report {
  at: string;
  settings: { sliceSeconds: number; cycles: number; connections: number; openSeconds: number };
  scenarios: {
    name: string;
    label: string;
    variants: Record<string, VariantResult>;
    ratios: { throughput: number; cpu: number; authorizationCpu: number; cachedThroughput?: number };
  }[];
  openLoop: {
    scenario: string;
    variant: string;
    rate: number;
    sent: number;
    errors: number;
    p50: number;
    p99: number;
  }[];
}

const fixed = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function row(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
}

/** Markdown tables (docs/performance.md embeds them as printed). */
export function printReport(report: Report): void {
  const widths = [40, 8, 7, 7, 8, 5, 6, 9];
  const lines = [
    row(['scenario / server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms', 'SQL', 'errors', 'ratio'], widths),
    row(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
  ];
  for (const s of report.scenarios) {
    for (const [variant, v] of Object.entries(s.variants)) {
      const ratio =
        variant === 'gateway'
          ? `${fixed(s.ratios.throughput)}x`
          : variant === 'cached' && s.ratios.cachedThroughput !== undefined
            ? `${fixed(s.ratios.cachedThroughput)}x`
            : variant === 'unauthorized'
              ? `cpu ${fixed(1 / s.ratios.authorizationCpu)}`
              : '';
      lines.push(
        row(
          [
            `${s.label} / ${variant}`,
            fixed(v.rps, 0),
            fixed(v.p50, 1),
            fixed(v.p99, 1),
            fixed(v.cpuMsPerRequest),
            fixed(v.sqlStatements, 0),
            String(v.errors),
            ratio,
          ],
          widths,
        ),
      );
    }
  }
  lines.push(
    '',
    '| scenario | gateway/baseline throughput | gateway/baseline CPU per request | authorization CPU price |',
  );
  lines.push('| --- | ---: | ---: | ---: |');
  for (const s of report.scenarios) {
    lines.push(
      `| ${s.label} | ${fixed(s.ratios.throughput)}x | ${fixed(s.ratios.cpu)}x | ${fixed(s.ratios.authorizationCpu)}x |`,
    );
  }
  for (const s of report.scenarios.filter((x) =>
    Object.values(x.variants).some((v) => v.subgraphCalls !== undefined),
  )) {
    const calls = Object.entries(s.variants).map(([variant, v]) => `${variant} ${fixed(v.subgraphCalls ?? NaN, 0)}`);
    lines.push('', `${s.label}: HTTP calls to the subgraph per request: ${calls.join(', ')}`);
  }
  lines.push('', '| open loop | rate/s | p50 ms | p99 ms | errors |', '| --- | ---: | ---: | ---: | ---: |');
  for (const o of report.openLoop) {
    lines.push(`| ${o.scenario} / ${o.variant} | ${o.rate} | ${fixed(o.p50, 1)} | ${fixed(o.p99, 1)} | ${o.errors} |`);
  }
  console.log(lines.join('\n'));
}

/** Writes `data` to bench/results/<name>-<at with : and . as ->.json; returns the file's path. */
export function writeResult(name: string, at: string, data: unknown): string {
  const dir = join(projectRoot(), 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
