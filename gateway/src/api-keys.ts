import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { deviceListProblem } from '#platform/devices';
import type { Role } from '#platform/identity';

export interface ApiKeyRecord {
  id: string;
  label: string;
  role: Role;
  tier: string;
  /** The devices a `sensor` key may report for; empty for other roles. */
  devices: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  label: string;
  role: Role;
  tier: string;
  devices: string[];
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, label, role, tier, created_at, revoked_at';
/** A key's columns with its devices, read from `api_key` aliased `k`. */
const COLUMNS_WITH_DEVICES = `k.id, k.label, k.role, k.tier, k.created_at, k.revoked_at,
  ARRAY(SELECT device FROM api_key_device WHERE api_key_id = k.id ORDER BY device) AS devices`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A prefix makes leaked keys easy to recognise (secret scanners, logs); the rest is 256 random bits. */
const KEY_PREFIX = 'ocg_';

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    label: row.label,
    role: row.role,
    tier: row.tier,
    devices: row.devices,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Why these devices cannot go with a key of this role (a sensor key needs some, others none), or undefined. */
export function keyDevicesProblem(role: Role, devices: readonly string[]): string | undefined {
  if (role !== 'sensor')
    return devices.length > 0 ? `only sensor keys are bound to devices (not ${role} keys)` : undefined;
  if (devices.length === 0) return 'a sensor key needs at least one device (--device)';
  return deviceListProblem(devices);
}

/** Devices that cannot go with a key: the message says why, for the person running the command. */
export class KeyDevicesError extends Error {}

/** Keys are random, so one unsalted SHA-256 is enough to make the stored value useless to a thief. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** API keys in the gateway schema: the key itself is shown once at creation and never stored. */
export class ApiKeyStore {
  constructor(private readonly db: DataSource) {}

  /** A `sensor` key is stored with its devices (see devices.ts), together or not at all. */
  async create(input: {
    role: Role;
    tier: string;
    label: string;
    devices?: string[];
  }): Promise<{ key: string; record: ApiKeyRecord }> {
    const devices = [...new Set(input.devices ?? [])].sort();
    const problem = keyDevicesProblem(input.role, devices);
    if (problem) throw new KeyDevicesError(problem);
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `INSERT INTO api_key (key_hash, label, role, tier) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [hashApiKey(key), input.label, input.role, input.tier],
      )) as Omit<ApiKeyRow, 'devices'>[];
      await manager.query('INSERT INTO api_key_device (api_key_id, device) SELECT $1, unnest($2::text[])', [
        rows[0].id,
        devices,
      ]);
      return { ...rows[0], devices };
    });
    return { key, record: toRecord(row) };
  }

  /** Returns false when no active key has this id. */
  async revoke(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = (await this.db.query(
      `UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id],
    )) as ApiKeyRow[];
    return rows.length > 0;
  }

  /**
   * Adds and removes devices of an active sensor key (a meter replaced, a station given to a
   * concentrator) without re-issuing it: effective on the key's next request. Returns the key's
   * devices, or undefined when no active sensor key has this id; a change that would leave the
   * key with no device, or too many, changes nothing.
   */
  async changeDevices(
    id: string,
    change: { add: string[]; remove: string[] },
  ): Promise<string[] | undefined> {
    if (!UUID.test(id)) return undefined;
    const malformed = deviceListProblem([...change.add, ...change.remove]);
    if (malformed) throw new KeyDevicesError(malformed);
    return this.db.transaction(async (manager) => {
      const keys = (await manager.query(
        'SELECT role FROM api_key WHERE id = $1 AND revoked_at IS NULL FOR UPDATE',
        [id],
      )) as { role: Role }[];
      if (keys[0]?.role !== 'sensor') return undefined;
      await manager.query('DELETE FROM api_key_device WHERE api_key_id = $1 AND device = ANY($2::text[])', [
        id,
        change.remove,
      ]);
      await manager.query(
        'INSERT INTO api_key_device (api_key_id, device) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING',
        [id, change.add],
      );
      const rows = (await manager.query(
        'SELECT device FROM api_key_device WHERE api_key_id = $1 ORDER BY device',
        [id],
      )) as { device: string }[];
      const devices = rows.map((row) => row.device);
      // Thrown inside the transaction: the change is rolled back whole.
      const problem = keyDevicesProblem('sensor', devices);
      if (problem) throw new KeyDevicesError(problem);
      return devices;
    });
  }

  /** Every key, or with `device` only the keys holding that device. */
  async list(filter: { device?: string } = {}): Promise<ApiKeyRecord[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS_WITH_DEVICES} FROM api_key k
        WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM api_key_device d WHERE d.api_key_id = k.id AND d.device = $1)
        ORDER BY k.created_at, k.id`,
      [filter.device ?? null],
    )) as ApiKeyRow[];
    return rows.map(toRecord);
  }

  /** The active key matching `key`, looked up by its hash (revocation takes effect on the next request). */
  async findActive(key: string): Promise<ApiKeyRecord | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS_WITH_DEVICES} FROM api_key k WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [hashApiKey(key)],
    )) as ApiKeyRow[];
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}
