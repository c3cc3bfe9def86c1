import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  OPERATOR_KEY,
  RawConnection,
  reportFillLevel,
  reportUntil,
  STATION_UPDATES,
} from '#test/live-clients';
import { startTestPlatform, type TestPlatform } from '#test/platform';

let platform: TestPlatform;

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  process.env.SUBSCRIPTION_WS_DEFLATE = 'on';
  platform = await startTestPlatform(['territory', 'waste']);
});

afterAll(async () => {
  delete process.env.SUBSCRIPTION_WS_DEFLATE;
  await platform?.stop();
});

/** A graphql-ws subscriber of one station that asks for permessage-deflate, or not. */
async function subscriber(deflate: boolean, stationId: string): Promise<RawConnection> {
  const connection = new RawConnection(platform.gateway, { perMessageDeflate: deflate });
  await connection.init();
  connection.subscribe('station', STATION_UPDATES, { stationId });
  return connection;
}

describe('graphql-ws with permessage-deflate allowed (SUBSCRIPTION_WS_DEFLATE=on)', () => {
  it('sends the same messages to a client that compresses and to one that does not', async () => {
    const station = 'TRILIB-17-0002';
    const compressed = await subscriber(true, station);
    const plain = await subscriber(false, station);
    expect(compressed.socket.extensions).toContain('permessage-deflate');
    expect(plain.socket.extensions).toBe('');
    await reportUntil(platform, station, 0.1, () => compressed.nexts.length > 0 && plain.nexts.length > 0);
    await reportFillLevel(platform, station, 0.77);
    const last = (messages: string[]) => messages.at(-1) ?? '';
    await eventually(
      () =>
        last(compressed.nexts).includes('"fillingLevel":0.77') &&
        last(plain.nexts).includes('"fillingLevel":0.77'),
    );
    expect(last(compressed.nexts)).toBe(last(plain.nexts));
    expect(JSON.parse(last(plain.nexts))).toMatchObject({
      id: 'station',
      type: 'next',
      payload: { data: { wasteStationUpdated: { fillingLevel: 0.77, station: { id: station } } } },
    });
    compressed.socket.close();
    plain.socket.close();
  });
});
