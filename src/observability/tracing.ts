import type { SpanExporter } from '@opentelemetry/sdk-trace-base';

/** A span as the gateway uses it; the OpenTelemetry types stay inside this file. */
export interface TraceSpan {
  setAttributes(attributes: Record<string, string | number | boolean>): void;
  fail(message: string): void;
  end(): void;
}

export interface Tracing {
  start(
    name: string,
    options?: {
      parent?: TraceSpan;
      /** A W3C `traceparent` header: the server span continues the caller's trace. */
      traceparent?: string;
      server?: boolean;
      /** A call to another service (SpanKind.CLIENT). */
      client?: boolean;
      attributes?: Record<string, string | number>;
    },
  ): TraceSpan;
  /** The W3C `traceparent` header that makes `span` the parent of the called service's spans. */
  traceparent(span: TraceSpan): string | undefined;
  /** A span for something that already happened (a SQL statement, from its duration). */
  record(
    name: string,
    durationMs: number,
    options: { parent?: TraceSpan; attributes?: Record<string, string>; error?: boolean },
  ): void;
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  endpoint?: string;
  serviceName: string;
  /** Export here instead (tests: an in-memory exporter). */
  exporter?: SpanExporter;
}

/**
 * OpenTelemetry tracing, or null when no exporter is configured: then no OpenTelemetry module is even
 * loaded and requests pay nothing. Spans are linked explicitly (HTTP -> GraphQL execution -> SQL), so no
 * global context manager or monkey-patching is needed.
 */
export function createTracing(options: TracingOptions): Tracing | null {
  if (!options.exporter && !options.endpoint) return null;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const sdk = require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { W3CTraceContextPropagator } = require('@opentelemetry/core') as typeof import('@opentelemetry/core');
  let exporter = options.exporter;
  if (!exporter) {
    const otlp =
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
    const base = options.endpoint!.replace(/\/+$/, '');
    exporter = new otlp.OTLPTraceExporter({ url: base.endsWith('/v1/traces') ? base : `${base}/v1/traces` });
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const processor = options.exporter ? new sdk.SimpleSpanProcessor(exporter) : new sdk.BatchSpanProcessor(exporter);
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('retail-gateway');
  const spans = new WeakMap<TraceSpan, import('@opentelemetry/api').Span>();
  const propagator = new W3CTraceContextPropagator();
  const contextOf = (parent?: TraceSpan, traceparent?: string) => {
    const span = parent && spans.get(parent);
    if (span) return api.trace.setSpan(api.ROOT_CONTEXT, span);
    // A malformed header extracts nothing: the span starts a new trace.
    return traceparent
      ? propagator.extract(api.ROOT_CONTEXT, { traceparent }, api.defaultTextMapGetter)
      : api.ROOT_CONTEXT;
  };
  const wrap = (span: import('@opentelemetry/api').Span): TraceSpan => {
    const handle: TraceSpan = {
      setAttributes: (attributes) => void span.setAttributes(attributes),
      fail: (message) => void span.setStatus({ code: api.SpanStatusCode.ERROR, message }),
      end: () => span.end(),
    };
    spans.set(handle, span);
    return handle;
  };
  return {
    start: (name, opts = {}) =>
      wrap(
        tracer.startSpan(
          name,
          {
            kind: opts.server ? api.SpanKind.SERVER : opts.client ? api.SpanKind.CLIENT : api.SpanKind.INTERNAL,
            attributes: opts.attributes,
          },
          contextOf(opts.parent, opts.traceparent),
        ),
      ),
    traceparent: (handle) => {
      const span = spans.get(handle);
      if (!span) return undefined;
      const carrier: Record<string, string> = {};
      propagator.inject(api.trace.setSpan(api.ROOT_CONTEXT, span), carrier, api.defaultTextMapSetter);
      return carrier.traceparent;
    },
    record: (name, durationMs, opts) => {
      const end = Date.now();
      const span = tracer.startSpan(
        name,
        { kind: api.SpanKind.CLIENT, startTime: end - durationMs, attributes: opts.attributes },
        contextOf(opts.parent),
      );
      if (opts.error) span.setStatus({ code: api.SpanStatusCode.ERROR });
      span.end(end);
    },
    shutdown: () => provider.shutdown(),
  };
}
