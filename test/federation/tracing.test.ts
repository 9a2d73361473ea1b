import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { startFederated } from './federation-kit';

const RATED = `query Rated { products(first: 3) { nodes { title rating } } }`;

describeEachKind('a span per subgraph call, in the trace of the request', (kind) => {
  const spans = new InMemorySpanExporter();
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  beforeAll(async () => {
    started = await startFederated(kind, { traceExporter: spans });
    t = started.t;
  });
  afterAll(() => started?.close());

  it("is a child of the request's execution span, and the subgraph receives the same trace", async () => {
    spans.reset();
    const before = started.reviews.received.length;
    // The caller's own trace: the gateway continues it, and so does the subgraph.
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await t.graphql(
      RATED,
      {},
      { ...t.storefront('alpha'), traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    );
    expect(res.body.errors).toBeUndefined();
    const calls = started.reviews.received.slice(before);
    expect(calls).toHaveLength(1);

    const finished = spans.getFinishedSpans();
    const execution = finished.find((s) => s.name === 'graphql.execute Rated');
    const remote = finished.filter((s) => s.name === 'graphql.remote reviews');
    expect(execution).toBeDefined();
    expect(remote).toHaveLength(1);
    expect(remote[0].spanContext().traceId).toBe(callerTrace);
    expect(remote[0].parentSpanContext?.spanId).toBe(execution!.spanContext().spanId);
    expect(remote[0].attributes).toMatchObject({ 'retail.connector': 'reviews', 'retail.outcome': 'ok' });

    // What the subgraph received: the same trace, with the call's span as its parent.
    const [, traceId, parentId] = calls[0].traceparent!.split('-');
    expect(traceId).toBe(callerTrace);
    expect(parentId).toBe(remote[0].spanContext().spanId);
  });

  it('marks a failed call on its span', async () => {
    await started.reviews.close();
    spans.reset();
    const res = await t.graphql(RATED, {}, t.storefront('alpha'));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const remote = spans.getFinishedSpans().find((s) => s.name === 'graphql.remote reviews');
    expect(remote?.attributes['retail.outcome']).toBe('UPSTREAM_UNAVAILABLE');
    expect(remote?.status.code).toBe(2);
  });
});
