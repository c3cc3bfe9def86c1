import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';
import { hasRole, type Identity } from './identity';

/**
 * What a `sensor` credential may report for: `meter:<meterId>` (an energy or water meter) and
 * `waste-station:<stationId>` (a station's fill-level sensors and its collections). A station,
 * not a container, because `reportFillLevel` and `recordCollection` name the station and the
 * container only where a stream has several of them.
 */
export const DEVICE_KINDS = ['meter', 'waste-station'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * Devices travel in the signed identity header on every subgraph call: the cap keeps it well
 * under Node's 16 kB header limit. A concentrator with more devices gets several keys.
 */
export const MAX_DEVICES_PER_CREDENTIAL = 100;

const DEVICE = /^(meter|waste-station):([^\s,]{1,128})$/;

export function isDevice(value: unknown): value is string {
  return typeof value === 'string' && DEVICE.test(value);
}

export function deviceOf(kind: DeviceKind, id: string): string {
  return `${kind}:${id}`;
}

/** Checks the devices given for a new credential; returns why they are refused, or undefined. */
export function deviceListProblem(devices: readonly string[]): string | undefined {
  const malformed = devices.filter((device) => !isDevice(device));
  if (malformed.length > 0) {
    return `devices must look like ${DEVICE_KINDS.map((kind) => `${kind}:<id>`).join(' or ')} (got ${malformed.join(', ')})`;
  }
  if (new Set(devices).size > MAX_DEVICES_PER_CREDENTIAL)
    return `a credential may hold at most ${MAX_DEVICES_PER_CREDENTIAL} devices`;
  return undefined;
}

/**
 * Refuses, before anything is written, a report naming a device the caller does not hold: the
 * whole batch is refused when one device is foreign, and the error names every foreign device.
 * Operators report for any device; a `sensor` only for the devices of its key or token.
 */
export function assertDevicesAllowed(identity: Identity, kind: DeviceKind, ids: readonly string[]): void {
  if (hasRole(identity, 'operator')) return;
  const held = new Set(hasRole(identity, 'sensor') ? (identity.devices ?? []) : []);
  const foreign = [...new Set(ids.map((id) => deviceOf(kind, id)))].filter((device) => !held.has(device));
  if (foreign.length === 0) return;
  throw new GraphQLError(`This credential may not report for ${foreign.join(', ')}`, {
    extensions: { code: ErrorCode.Forbidden, devices: foreign },
  });
}
