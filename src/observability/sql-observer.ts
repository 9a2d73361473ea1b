import type { Database } from '../db/database';
import type { GatewayMetrics } from './metrics';
import { currentRecord } from './request-record';
import type { Tracing } from './tracing';

/** Counts and times every statement, and traces it under the request that sent it; returns the unsubscribe. */
export function observeSql(database: Database, metrics: GatewayMetrics, tracing: Tracing | null): () => void {
  return database.observe((event) => {
    const failed = event.level === 'error';
    metrics.sqlStatements.inc({ outcome: failed ? 'error' : 'ok' });
    metrics.sqlDuration.observe(event.queryDurationMillis / 1000);
    if (!tracing) return;
    const record = currentRecord();
    tracing.record('db.query', event.queryDurationMillis, {
      parent: record?.executionSpan ?? record?.httpSpan,
      // Statements are parameterised: the text carries no values.
      attributes: {
        'db.system.name': database.kind === 'pglite' ? 'pglite' : 'postgresql',
        'db.query.text': event.query.sql,
      },
      error: failed,
    });
  });
}
