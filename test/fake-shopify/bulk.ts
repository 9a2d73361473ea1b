/**
 * Bulk operations of the fake shop. Starting one runs the inner query at once (over whole
 * connections) and keeps the JSONL lines; polls then move it CREATED -> RUNNING -> COMPLETED (or
 * FAILED) after `completeAfterPolls` polls, as a slow real operation would.
 */
export interface BulkBehaviour {
  completeAfterPolls: number;
  outcome: 'COMPLETED' | 'FAILED';
  errorCode: 'ACCESS_DENIED' | 'INTERNAL_SERVER_ERROR' | 'TIMEOUT';
}

interface FakeBulkOp {
  id: string;
  n: number;
  status: 'CREATED' | 'RUNNING' | 'COMPLETED' | 'FAILED';
  query: string;
  polls: number;
  lines: string[];
  rootObjectCount: number;
  createdAt: string;
  completedAt: string | null;
}

/** Runs a query in bulk mode and returns its data, or an error message. */
export type BulkExecutor = (query: string) => { data?: Record<string, unknown>; error?: string };

export class FakeBulkOperations {
  behaviour: BulkBehaviour = { completeAfterPolls: 2, outcome: 'COMPLETED', errorCode: 'INTERNAL_SERVER_ERROR' };
  private readonly ops = new Map<string, FakeBulkOp>();
  private seq = 0;

  constructor(
    private readonly execute: BulkExecutor,
    private readonly urlFor: (n: number) => string,
    private readonly now: () => number,
  ) {}

  start(query: string) {
    const running = [...this.ops.values()].find((op) => op.status === 'CREATED' || op.status === 'RUNNING');
    if (running) return rejected(`A bulk query operation for this app and shop is already in progress: ${running.id}.`);
    const result = this.execute(query);
    if (!result.data) return rejected(result.error ?? 'Invalid bulk query');
    const n = ++this.seq;
    const { lines, roots } = toJsonl(result.data);
    const op: FakeBulkOp = {
      id: `gid://shopify/BulkOperation/${n}`,
      n,
      status: 'CREATED',
      query,
      polls: 0,
      lines,
      rootObjectCount: roots,
      createdAt: new Date(this.now()).toISOString(),
      completedAt: null,
    };
    this.ops.set(op.id, op);
    return { bulkOperation: this.view(op), userErrors: [] };
  }

  /** A poll (`node(id:)`): each one moves the operation along. */
  poll(id: string) {
    const op = this.ops.get(id);
    if (!op) return null;
    op.polls++;
    if (op.status === 'CREATED' || op.status === 'RUNNING') {
      op.status = op.polls >= this.behaviour.completeAfterPolls ? this.behaviour.outcome : 'RUNNING';
      if (op.status !== 'RUNNING') op.completedAt = new Date(this.now()).toISOString();
    }
    return this.view(op);
  }

  /** `currentBulkOperation`: the latest operation, polled like `node(id:)`. */
  current() {
    const last = [...this.ops.values()].pop();
    return last ? this.poll(last.id) : null;
  }

  /** Finishes an operation now (what precedes a `bulk_operations/finish` webhook). */
  finish(id: string): void {
    const op = this.ops.get(id);
    if (op) Object.assign(op, { status: this.behaviour.outcome, completedAt: new Date(this.now()).toISOString() });
  }

  jsonl(n: number): string[] | undefined {
    return [...this.ops.values()].find((op) => op.n === n && op.status === 'COMPLETED')?.lines;
  }

  private view(op: FakeBulkOp) {
    const done = op.status === 'COMPLETED';
    return {
      id: op.id,
      status: op.status,
      query: op.query,
      type: 'QUERY',
      createdAt: op.createdAt,
      completedAt: op.completedAt,
      errorCode: op.status === 'FAILED' ? this.behaviour.errorCode : null,
      objectCount: String(done ? op.lines.length : 0),
      rootObjectCount: String(done ? op.rootObjectCount : 0),
      fileSize: done ? String(op.lines.join('\n').length) : null,
      url: done && op.lines.length ? this.urlFor(op.n) : null,
      partialDataUrl: null,
    };
  }
}

const rejected = (message: string) => ({
  bulkOperation: null,
  userErrors: [{ field: ['query'], message, code: 'INVALID' }],
});

type Json = Record<string, unknown>;
const isConnection = (v: unknown): v is Json =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  (Array.isArray((v as Json).edges) || Array.isArray((v as Json).nodes));
const nodesOf = (c: Json) =>
  Array.isArray(c.edges) ? (c.edges as Json[]).map((e) => e.node as Json) : (c.nodes as Json[]);

/** Shopify's bulk format: one line per node, nested connection nodes on their own lines with `__parentId`. */
export function toJsonl(data: Record<string, unknown>): { lines: string[]; roots: number } {
  const lines: string[] = [];
  const walk = (conn: Json, parentId?: string) => {
    for (const node of nodesOf(conn)) {
      const record: Json = {};
      const children: Json[] = [];
      for (const [k, v] of Object.entries(node)) {
        if (isConnection(v)) children.push(v);
        else record[k] = v;
      }
      lines.push(JSON.stringify(parentId ? { ...record, __parentId: parentId } : record));
      for (const child of children) walk(child, node.id as string);
    }
  };
  const root = Object.values(data)[0];
  if (isConnection(root)) walk(root);
  return { lines, roots: isConnection(root) ? nodesOf(root).length : 0 };
}
