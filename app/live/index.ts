import { logger } from '#platform/logger';
import { startMqttBridge, type RunningMqttBridge } from './mqtt-bridge';
import { startSimulator, type RunningSimulator } from './simulator';

export interface LiveFeeds {
  stop(): Promise<void>;
}

/** Whether `npm start` runs the simulator (on unless `SIMULATOR=off`) or the MQTT bridge (`MQTT_URL`). */
export function liveFeedsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SIMULATOR !== 'off' || Boolean(env.MQTT_URL);
}

/**
 * What `npm start` feeds the running platform with, once the gateway answers: the simulator and,
 * when `MQTT_URL` is set, the MQTT bridge. Both go through the gateway with `apiKey` (the
 * launcher's OPERATOR_API_KEY, which has the sensor and operator roles).
 */
export function startLiveFeeds(
  options: { gatewayUrl: string; apiKey: string; seed: number },
  env: NodeJS.ProcessEnv = process.env,
): LiveFeeds {
  let simulator: RunningSimulator | undefined;
  let bridge: RunningMqttBridge | undefined;
  if (env.SIMULATOR !== 'off') {
    const intervalMs = Number(env.SIMULATOR_INTERVAL_MS ?? 5_000);
    if (!(intervalMs >= 100)) throw new Error('SIMULATOR_INTERVAL_MS must be a number of milliseconds ≥ 100');
    simulator = startSimulator({
      gatewayUrl: options.gatewayUrl,
      apiKey: options.apiKey,
      seed: options.seed,
      intervalMs,
    });
    logger.info({ seed: options.seed }, 'simulator on (SIMULATOR=off disables it)');
  }
  if (env.MQTT_URL) {
    bridge = startMqttBridge({
      mqttUrl: env.MQTT_URL,
      gatewayUrl: options.gatewayUrl,
      apiKey: options.apiKey,
    });
    logger.info({ mqttUrl: env.MQTT_URL }, 'mqtt bridge on');
  }
  return {
    async stop() {
      await Promise.all([simulator?.stop(), bridge?.stop()]);
    },
  };
}
