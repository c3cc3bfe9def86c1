import { CreateGatewaySecurity1764000001000 } from './1764000001000-CreateGatewaySecurity';

/** The gateway schema's migrations, in the order they run. */
export const gatewayMigrations = [CreateGatewaySecurity1764000001000];
