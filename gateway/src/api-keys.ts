import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../../platform/src/identity';

export interface ApiKeyRecord {
  id: string;
  label: string;
  role: Role;
  tier: string;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  label: string;
  role: Role;
  tier: string;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, label, role, tier, created_at, revoked_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A prefix makes leaked keys easy to recognise (secret scanners, logs); the rest is 256 random bits. */
const KEY_PREFIX = 'ocg_';

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    label: row.label,
    role: row.role,
    tier: row.tier,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Keys are random, so one unsalted SHA-256 is enough to make the stored value useless to a thief. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** API keys in the gateway schema: the key itself is shown once at creation and never stored. */
export class ApiKeyStore {
  constructor(private readonly db: DataSource) {}

  async create(input: {
    role: Role;
    tier: string;
    label: string;
  }): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const rows = (await this.db.query(
      `INSERT INTO api_key (key_hash, label, role, tier) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [hashApiKey(key), input.label, input.role, input.tier],
    )) as ApiKeyRow[];
    return { key, record: toRecord(rows[0]) };
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

  async list(): Promise<ApiKeyRecord[]> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM api_key ORDER BY created_at, id`,
    )) as ApiKeyRow[];
    return rows.map(toRecord);
  }

  /** The active key matching `key`, looked up by its hash (revocation takes effect on the next request). */
  async findActive(key: string): Promise<ApiKeyRecord | undefined> {
    const rows = (await this.db.query(
      `SELECT ${COLUMNS} FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashApiKey(key)],
    )) as ApiKeyRow[];
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}
