import { CreateGatewaySecurity1764000001000 } from './1764000001000-CreateGatewaySecurity';
import { BindSensorKeysToDevices1764000004100 } from './1764000004100-BindSensorKeysToDevices';

/** The gateway schema's migrations, in the order they run. */
export const gatewayMigrations = [CreateGatewaySecurity1764000001000, BindSensorKeysToDevices1764000004100];
