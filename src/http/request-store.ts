import { AsyncLocalStorage } from 'node:async_hooks';

/** The request id, reachable from code that is not handed the request (error formatting). */
export const requestStore = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => requestStore.getStore()?.requestId;
