/** Shapes shared by the Shopify connector modules (names follow Shopify's Admin API). */

/** `extensions.cost.throttleStatus`: the shop's leaky bucket as Shopify saw it after this query. */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  /** Points restored per second. */
  restoreRate: number;
}

/** `extensions.cost` on every Admin GraphQL answer, including THROTTLED ones. */
export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost?: number | null;
  throttleStatus: ThrottleStatus;
}

export type Variables = Record<string, unknown>;

/** One successful answer of the transport: the data and what it cost. */
export interface GraphqlResult {
  data: Record<string, unknown>;
  cost?: QueryCost;
}
