/**
 * What plugins' connectors use of the database layer (src/db), and nothing else of it: loaders, column
 * choices, keyset pages, row writes and shaped statements. Nothing here loads pg or PGlite.
 */
export { groupBy, rowsById, rowsByParent } from '../../db/batch-loaders';
export { choiceKey, selectColumns } from '../../db/columns';
export { keysetCursor, keysetPlan, type KeysetSort } from '../../db/keyset';
export { deleteRow, lockRow, updateRow } from '../../db/rows';
export { runPrepared, runShaped } from '../../db/shaped-statements';
export { RECORD_SORTS, tableListConnection, type TableList } from '../../db/table-list';
export { fromExcluded } from '../../db/upsert';
export { emitEvent, emitEvents, eventsFrom, type OutboxEvent } from '../../db/outbox';
