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
  settings: {
    sliceSeconds: number;
    cycles: number;
    connections: number;
    openSeconds: number;
    searchOpenSeconds?: number;
  };
  scenarios: {
    name: string;
    label: string;
    /** The variants the ratios compare: [gateway, baseline], or [many, one] tenants. */
    compared?: [string, string];
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

/** The fixed price of a request: the gateway's CPU per `{ __typename }` should stay under this. */
const TYPENAME_CPU_TARGET_MS = 0.1;

/** One line per scenario: both sides' throughput, the ratios, and the price of authorization. */
function summaryLines(report: Report): string[] {
  const lines = [
    '| scenario | gateway req/s | baseline req/s | throughput ratio | CPU ratio | authorization price |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of report.scenarios) {
    const [measured, reference] = s.compared ?? ['gateway', 'baseline'];
    lines.push(
      `| ${s.label} | ${fixed(s.variants[measured]?.rps ?? NaN, 0)} | ${fixed(s.variants[reference]?.rps ?? NaN, 0)} | ` +
        `${fixed(s.ratios.throughput)}x | ${fixed(s.ratios.cpu)}x | ${fixed(s.ratios.authorizationCpu)}${Number.isFinite(s.ratios.authorizationCpu) ? 'x' : ''} |`,
    );
  }
  const units = report.scenarios.filter((s) => s.name === 'checkout' || s.name === 'tenants');
  if (units.some((s) => s.name === 'checkout'))
    lines.push('', 'Checkout (i): req/s are whole checkouts (5 requests each), CPU ms and SQL are per checkout.');
  if (units.some((s) => s.name === 'tenants'))
    lines.push(
      'Listing over 50 tenants (j): "gateway" is the round-robin over 50 tenants, "baseline" one of them alone, on the same gateway.',
    );
  const typename = report.scenarios.find((s) => s.name === 'typename')?.variants.gateway;
  if (typename) {
    const met = typename.cpuMsPerRequest <= TYPENAME_CPU_TARGET_MS ? 'met' : 'not met';
    lines.push(
      `Fixed price of a request (h): ${fixed(typename.cpuMsPerRequest, 3)} ms of gateway CPU per { __typename } (target ${TYPENAME_CPU_TARGET_MS} ms: ${met}).`,
    );
  }
  return lines;
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
        variant === (s.compared?.[0] ?? 'gateway')
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
            fixed(v.sqlStatements, Number.isInteger(v.sqlStatements) ? 0 : 2),
            String(v.errors),
            ratio,
          ],
          widths,
        ),
      );
    }
  }
  lines.push('', ...summaryLines(report));
  for (const s of report.scenarios.filter((x) =>
    Object.values(x.variants).some((v) => v.subgraphCalls !== undefined),
  )) {
    const calls = Object.entries(s.variants).map(([variant, v]) => `${variant} ${fixed(v.subgraphCalls ?? NaN, 0)}`);
    lines.push('', `${s.label}: HTTP calls to the subgraph per request: ${calls.join(', ')}`);
  }
  lines.push(
    '',
    '| open loop | rate/s | requests | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const o of report.openLoop) {
    lines.push(
      `| ${o.scenario} / ${o.variant} | ${o.rate} | ${o.sent} | ${fixed(o.p50, 1)} | ${fixed(o.p99, 1)} | ${o.errors} |`,
    );
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
