import { describe, expect, it } from 'vitest';
import { ingestionOf, MalformedMessageError } from './mqtt-messages';

const payload = (body: unknown) => Buffer.from(JSON.stringify(body));
const observedAt = '2026-11-25T10:15:00+01:00';

describe('MQTT messages', () => {
  it('maps a fill level to reportFillLevel, the stream in either spelling', () => {
    for (const stream of ['packaging-paper', 'PACKAGING_PAPER']) {
      const ingestion = ingestionOf(
        `ocg/waste/TRILIB-13-0007/${stream}/fill-level`,
        payload({ reportId: 'r-1', fillingLevel: 0.4, observedAt, containerId: 'C-1' }),
      );
      expect(ingestion.mutation).toBe('reportFillLevel');
      expect(ingestion.variables).toEqual({
        input: {
          reportId: 'r-1',
          stationId: 'TRILIB-13-0007',
          stream: 'PACKAGING_PAPER',
          fillingLevel: 0.4,
          observedAt: '2026-11-25T09:15:00.000Z',
          containerId: 'C-1',
        },
      });
    }
  });

  it('maps a meter reading to a batch of one for recordMeterReadings', () => {
    const ingestion = ingestionOf(
      'ocg/energy/BAT-17-0042-HEAT/reading',
      payload({ readingId: 'm-1', value: 12.5, observedAt }),
    );
    expect(ingestion.mutation).toBe('recordMeterReadings');
    expect(ingestion.variables).toEqual({
      input: {
        readings: [
          {
            readingId: 'm-1',
            meterId: 'BAT-17-0042-HEAT',
            observedAt: '2026-11-25T09:15:00.000Z',
            value: 12.5,
            power: null,
          },
        ],
      },
    });
  });

  it.each([
    ['ocg/waste/S/glass/fill-level', Buffer.from('{ not json'), /not JSON/],
    ['ocg/waste/S/glass/fill-level', payload([1, 2]), /JSON object/],
    [
      'ocg/waste/S/glass/fill-level',
      payload({ reportId: 'r', fillingLevel: '0.5', observedAt }),
      /fillingLevel/,
    ],
    [
      'ocg/waste/S/glass/fill-level',
      payload({ reportId: 'r', fillingLevel: -0.1, observedAt }),
      /fillingLevel/,
    ],
    ['ocg/waste/S/glass/fill-level', payload({ reportId: '', fillingLevel: 0.5, observedAt }), /reportId/],
    [
      'ocg/waste/S/glass/fill-level',
      payload({ reportId: 'r', fillingLevel: 0.5, observedAt: 'soon' }),
      /observedAt/,
    ],
    ['ocg/waste/S/lava/fill-level', payload({ reportId: 'r', fillingLevel: 0.5, observedAt }), /stream/],
    ['ocg/energy/M/reading', payload({ readingId: 'm', value: -1, observedAt }), /value/],
    ['ocg/energy/M/reading', payload({ readingId: 'm', value: 1, power: 'high', observedAt }), /power/],
    ['ocg/energy/M/reading/extra', payload({ readingId: 'm', value: 1, observedAt }), /no ingestion/],
    ['ocg/waste//glass/fill-level', payload({ reportId: 'r', fillingLevel: 0.5, observedAt }), /stationId/],
  ])('refuses %s with %s', (topic, body, reason) => {
    expect(() => ingestionOf(topic, body)).toThrow(MalformedMessageError);
    expect(() => ingestionOf(topic, body)).toThrow(reason);
  });
});
