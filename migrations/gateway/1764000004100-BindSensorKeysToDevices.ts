import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The devices a `sensor` key may report for (`meter:<id>`, `waste-station:<id>`). A key of another
 * role holds none; a sensor key holding none may report for nothing, which is what the keys
 * created before this migration become until they are re-issued with their devices.
 */
export class BindSensorKeysToDevices1764000004100 implements MigrationInterface {
  name = 'BindSensorKeysToDevices1764000004100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_key_device (
        api_key_id uuid NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
        device text NOT NULL CHECK (device ~ '^(meter|waste-station):[^\\s,]{1,128}$'),
        PRIMARY KEY (api_key_id, device)
      )`);
    // Which key holds a device (an operator replacing a meter looks it up).
    await queryRunner.query('CREATE INDEX "IDX_api_key_device_device" ON api_key_device (device)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE api_key_device');
  }
}
