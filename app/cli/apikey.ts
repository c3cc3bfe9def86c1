import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_NAME } from '#platform/open-database';
import { DEVICE_KINDS } from '#platform/devices';
import { isRole, ROLES } from '#platform/identity';
import { ApiKeyStore, KeyDevicesError, keyDevicesProblem } from '#gateway/api-keys';
import { createGatewayDataSource, migrateGateway } from '#gateway/database';
import { DEFAULT_TIER, knownTiers, rateLimitConfigFromEnv } from '#gateway/rate-limit';
import { gatewayMigrations } from '#migrations/gateway/index';

const USAGE = `Usage:
  npm run apikey -- create --role <${ROLES.join('|')}> [--tier <tier>] --label "<who it is for>"
      [--device <${DEVICE_KINDS.map((kind) => `${kind}:<id>`).join('|')}> ...]   (sensor keys: required, repeatable)
  npm run apikey -- devices <id> [--add <device> ...] [--remove <device> ...]   (a sensor key's devices)
  npm run apikey -- revoke <id>
  npm run apikey -- list [--device <device>]
DATABASE_URL selects the database (default: the embedded one \`npm start\` runs).`;

/** The database `npm start` runs on when DATABASE_URL is not set (its embedded PostgreSQL must be running). */
const EMBEDDED_DATABASE_URL = `postgres://postgres:open-city-graph@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 54329}/${DEFAULT_DATABASE_NAME}`;

/** Runs one command; returns the exit code. Output goes through `print` so tests can read it. */
export async function runApiKeyCommand(
  argv: string[],
  databaseUrl: string,
  print: (line: string) => void = console.log,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      tier: { type: 'string' },
      label: { type: 'string' },
      device: { type: 'string', multiple: true },
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
    },
  });
  const [command, ...rest] = positionals;
  await migrateGateway(databaseUrl, gatewayMigrations);
  const db = createGatewayDataSource(databaseUrl, 1);
  await db.initialize();
  try {
    const store = new ApiKeyStore(db);
    if (command === 'create') {
      const tiers = knownTiers(rateLimitConfigFromEnv());
      const tier = values.tier ?? DEFAULT_TIER;
      if (!isRole(values.role) || !values.label || !tiers.includes(tier)) {
        print(
          `create needs --role (${ROLES.join(', ')}), --label, and --tier among ${tiers.join(', ')} (RATE_LIMIT_TIERS)\n${USAGE}`,
        );
        return 2;
      }
      const devices = values.device ?? [];
      const problem = keyDevicesProblem(values.role, devices);
      if (problem) {
        print(`${problem}\n${USAGE}`);
        return 2;
      }
      const { key, record } = await store.create({
        role: values.role,
        tier,
        label: values.label,
        devices,
      });
      print(`id:    ${record.id}\nrole:  ${record.role}\ntier:  ${record.tier}\nlabel: ${record.label}`);
      if (record.devices.length > 0) print(`devices: ${record.devices.join(' ')}`);
      print(
        `key:   ${key}\nThe key is shown only now: only its hash is stored. Send it as the x-api-key header.`,
      );
      return 0;
    }
    if (command === 'devices' && rest.length === 1) {
      let devices;
      try {
        devices = await store.changeDevices(rest[0], { add: values.add ?? [], remove: values.remove ?? [] });
      } catch (error) {
        if (!(error instanceof KeyDevicesError)) throw error;
        print(`${error.message}; nothing changed`);
        return 2;
      }
      if (!devices) {
        print(`no active sensor key with id ${rest[0]}`);
        return 1;
      }
      print(`devices: ${devices.join(' ')}`);
      return 0;
    }
    if (command === 'revoke' && rest.length === 1) {
      if (await store.revoke(rest[0])) {
        print(`revoked ${rest[0]}`);
        return 0;
      }
      print(`no active key with id ${rest[0]}`);
      return 1;
    }
    if (command === 'list') {
      for (const key of await store.list({ device: values.device?.[0] })) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
        print(
          `${key.id}  ${key.role.padEnd(10)} ${key.tier.padEnd(10)} ${key.createdAt.toISOString()}  ${state}  ${key.label}`,
        );
        if (key.devices.length > 0) print(`    devices: ${key.devices.join(' ')}`);
      }
      return 0;
    }
    print(USAGE);
    return 2;
  } finally {
    await db.destroy();
  }
}

if (require.main === module) {
  runApiKeyCommand(process.argv.slice(2), process.env.DATABASE_URL ?? EMBEDDED_DATABASE_URL).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
