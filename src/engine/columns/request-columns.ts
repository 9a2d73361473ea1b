import type { ColumnChoice } from '../../sdk';
import type { ColumnPlanner } from './column-planner';
import type { SelectedFields } from './selected-fields';

/**
 * The columns of one request, known once its operation is. Held by reference on the context: Apollo
 * runs a request on a shallow copy of the context object, which shares this holder with the loaders.
 */
export class RequestColumns {
  private selected: SelectedFields | undefined;

  constructor(private readonly planner: ColumnPlanner) {}

  /** Records the fields the request's query selects (before execution). */
  useOperation(selected: SelectedFields): void {
    this.selected = selected;
  }

  readonly choose = (type: string): ColumnChoice => this.planner.choose(this.selected, type);

  /** Whether the operation selects `field` on `type` anywhere; outside an analysed query, always. */
  readonly selects = (type: string, field: string): boolean => this.selected?.get(type)?.has(field) ?? !this.selected;
}
