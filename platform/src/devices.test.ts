import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertDevicesAllowed, deviceListProblem, MAX_DEVICES_PER_CREDENTIAL } from './devices';
import { decodeIdentity, encodeIdentity, type Identity } from './identity';

const sensor: Identity = {
  roles: ['sensor'],
  subject: 'apikey:1',
  devices: ['meter:M-1', 'waste-station:S-1'],
};

function refusal(
  identity: Identity,
  kind: 'meter' | 'waste-station',
  ids: string[],
): GraphQLError | undefined {
  try {
    assertDevicesAllowed(identity, kind, ids);
    return undefined;
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

describe('assertDevicesAllowed', () => {
  it('lets a sensor report for its own devices', () => {
    expect(refusal(sensor, 'meter', ['M-1', 'M-1'])).toBeUndefined();
    expect(refusal(sensor, 'waste-station', ['S-1'])).toBeUndefined();
  });

  it('refuses a batch with one foreign device, naming each foreign device once', () => {
    const error = refusal(sensor, 'meter', ['M-1', 'M-2', 'M-3', 'M-2']);
    expect(error?.extensions).toEqual({ code: 'FORBIDDEN', devices: ['meter:M-2', 'meter:M-3'] });
    expect(error?.message).toContain('meter:M-2, meter:M-3');
  });

  it('keeps kinds apart: a station id is not a meter id', () => {
    expect(refusal(sensor, 'meter', ['S-1'])?.extensions.devices).toEqual(['meter:S-1']);
  });

  it('lets operators report for anything, and no device list helps another role', () => {
    expect(refusal({ roles: ['operator', 'sensor'] }, 'meter', ['M-9'])).toBeUndefined();
    expect(refusal({ roles: ['sensor'] }, 'meter', ['M-1'])?.extensions.code).toBe('FORBIDDEN');
    const researcher: Identity = { roles: ['researcher'], devices: ['meter:M-1'] };
    expect(refusal(researcher, 'meter', ['M-1'])?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('device lists', () => {
  it('accepts the two kinds and refuses anything else', () => {
    expect(deviceListProblem(['meter:M-1', 'waste-station:TRILIB-13-0007'])).toBeUndefined();
    expect(deviceListProblem(['M-1'])).toMatch(/M-1/);
    expect(deviceListProblem(['boiler:1'])).toMatch(/boiler:1/);
    expect(deviceListProblem(['meter:'])).toBeDefined();
    expect(deviceListProblem(['meter:a,b'])).toBeDefined();
  });

  it('caps the devices of one credential', () => {
    const devices = Array.from({ length: MAX_DEVICES_PER_CREDENTIAL + 1 }, (_, i) => `meter:M-${i}`);
    expect(deviceListProblem(devices.slice(1))).toBeUndefined();
    expect(deviceListProblem(devices)).toMatch(/at most/);
  });

  it('travel in the signed identity, and only there', () => {
    const header = encodeIdentity(sensor, 'secret');
    expect(decodeIdentity(header, 'secret')).toEqual(sensor);
    expect(decodeIdentity(encodeIdentity({ roles: ['public'] }, 'secret'), 'secret')).toEqual({
      roles: ['public'],
    });
    const [payload] = header.split('.');
    const widened = Buffer.from(JSON.stringify({ ...sensor, devices: ['meter:M-2'] })).toString('base64url');
    expect(decodeIdentity(header.replace(payload, widened), 'secret')).toBeUndefined();
  });
});
