/** The soak's verdict on memory, its printed tables and its JSON file in bench/results. */
import { writeResult } from './report';
import type { Sample } from './soak-process';

/** The target: RSS at the end within 10 % of RSS after the first tenth of the requests. */
const RSS_TOLERANCE = 0.1;

export interface SoakResult {
  date: string;
  node: string;
  database: string;
  requests: number;
  concurrency: number;
  seconds: number;
  requestsPerSecond: number;
  outcomes: Record<string, number>;
  samples: Sample[];
}

export interface MemoryVerdict {
  /** The first sample after load began (after the first 10 % of the requests): warm-up is over by then. */
  fromRequests: number;
  heapGrowthMb: number;
  /** RSS at the end divided by RSS at `fromRequests`. */
  rssRatio: number;
  rssWithinTenPercent: boolean;
}

export function memoryVerdict(samples: Sample[]): MemoryVerdict {
  const from = samples.find((s) => s.at === 'during') ?? samples[0];
  const end = samples[samples.length - 1];
  const rssRatio = +(end.rssMb / from.rssMb).toFixed(3);
  return {
    fromRequests: from.requests,
    heapGrowthMb: +(end.heapUsedMb - from.heapUsedMb).toFixed(1),
    rssRatio,
    rssWithinTenPercent: Math.abs(rssRatio - 1) <= RSS_TOLERANCE,
  };
}

const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

export function printSoak(result: SoakResult, verdict: MemoryVerdict): void {
  const from = result.samples.find((s) => s.requests === verdict.fromRequests)!;
  const end = result.samples[result.samples.length - 1];
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `Soak: ${result.requests} requests on ${result.database}, concurrency ${result.concurrency}, ${result.seconds} s`,
  );
  console.log('\n| when | requests | heap used (MB, after GC) | RSS (MB) |\n| --- | ---: | ---: | ---: |');
  for (const s of result.samples) console.log(`| ${s.at} | ${s.requests} | ${s.heapUsedMb} | ${s.rssMb} |`);
  console.log(
    `\nheap growth from ${n(from.requests)} requests to the end: ${signed(verdict.heapGrowthMb)} MB ` +
      `(${from.heapUsedMb} -> ${end.heapUsedMb})`,
  );
  console.log(
    `RSS at the end / RSS after ${n(from.requests)} requests: ${verdict.rssRatio} ` +
      `(${from.rssMb} -> ${end.rssMb} MB); within 10 %: ${verdict.rssWithinTenPercent ? 'yes' : 'no'}`,
  );
  console.log('\n| outcome | requests |\n| --- | ---: |');
  for (const [k, v] of Object.entries(result.outcomes)) console.log(`| ${k} | ${v} |`);
}

/** Writes bench/results/soak-<database>-<date>.json; returns its path. */
export function writeSoak(result: SoakResult, verdict: MemoryVerdict): string {
  const { samples, outcomes, ...run } = result;
  return writeResult(`soak-${result.database}`, result.date, { ...run, memory: verdict, outcomes, samples });
}
