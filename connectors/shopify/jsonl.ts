import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { GatewayError } from '../../src/sdk';

/** One line of a bulk result: a node, with `__parentId` when it came from a nested connection. */
export type BulkRecord = Record<string, unknown> & { id?: string; __parentId?: string };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * Streams a JSONL file line by line: results can be gigabytes, so nothing beyond the current line
 * is held in memory. The URL is a signed download link, so it never appears in an error message.
 */
export async function* streamJsonl(url: string, fetchImpl: FetchLike = fetch): AsyncGenerator<BulkRecord> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch {
    throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The Shopify bulk result could not be downloaded', {
      reason: 'network',
    });
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The Shopify bulk result could not be downloaded', {
      upstreamStatus: res.status,
    });
  }
  const input = Readable.fromWeb(res.body);
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      yield parseLine(line, lineNo);
    }
  } finally {
    // A consumer that stops early must not leave the download running.
    lines.close();
    input.destroy();
  }
}

function parseLine(line: string, lineNo: number): BulkRecord {
  try {
    return JSON.parse(line) as BulkRecord;
  } catch {
    throw new GatewayError('INTERNAL_SERVER_ERROR', `The Shopify bulk result has a malformed line (${lineNo})`);
  }
}

/** Groups a stream into arrays of `size` (the last may be shorter), for batched upserts. */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
