import { GatewayError } from '../sdk';

/** 401: the caller must (re)authenticate. Messages are fixed texts: they never echo a credential. */
export const unauthenticated = (message: string) => new GatewayError('UNAUTHENTICATED', message);

/** 503: the credentials name a tenant whose configuration is currently invalid. */
export const tenantUnavailable = () => new GatewayError('TENANT_UNAVAILABLE', 'This shop is temporarily unavailable');
