import type { DatasetDefinition } from '#platform/exports/definition';
import { arrondissementColumn, arrondissementFilter } from '../catalog-helpers';

const PERIODS = ['YEAR', 'MONTH'];

export const mobilityDatasets: DatasetDefinition[] = [
  {
    id: 'accompaniment-stats',
    subgraph: 'mobility',
    title: 'Paris en Compagnie: accompaniment statistics',
    description:
      'Requests, completed accompaniments, active volunteers and response time per arrondissement and closed month or year. ' +
      'Cells with a count under 5, and the complements that would reveal them, are suppressed. No personal data.',
    keywords: ['Paris en Compagnie', 'elderly', 'isolation', 'volunteers', 'solidarity'],
    themes: ['SOCI'],
    ledgerIds: ['accompaniment-requests', 'accompaniment-volunteers', 'accompaniment-beneficiaries'],
    from: 'mobility.accompaniment_request',
    // The same cells as `Query.accompanimentStats`, computed by the same service, so an export can
    // never be differenced against the graph.
    compute: async (db, filters) => {
      const { AccompanimentStatsService } =
        await import('#mobility/modules/accompaniment-stats/accompaniment-stats.service');
      const { AccompanimentStatsPeriod } =
        await import('#mobility/modules/accompaniment-stats/accompaniment-stats.entity');
      const codes =
        typeof filters.arrondissement === 'number'
          ? [filters.arrondissement]
          : Array.from({ length: 20 }, (_, i) => i + 1);
      const cells = (await new AccompanimentStatsService(db).cellsByArrondissement(codes)).flat();
      const period =
        filters.period === 'MONTH' ? AccompanimentStatsPeriod.MONTH : AccompanimentStatsPeriod.YEAR;
      return AccompanimentStatsService.select(cells, {
        period,
        fromYear: typeof filters.fromYear === 'number' ? filters.fromYear : null,
        toYear: typeof filters.toYear === 'number' ? filters.toYear : null,
      }).map((cell) => ({
        arrondissement: cell.arrondissementCode,
        period: cell.period,
        year: cell.year,
        month: cell.month,
        requests: cell.requests,
        completed: cell.completed,
        volunteers_active: cell.volunteersActive,
        average_response_minutes: cell.averageResponseMinutes,
        suppressed: cell.suppressed,
      }));
    },
    columns: [
      arrondissementColumn('arrondissement'),
      { name: 'period', sql: 'period', type: 'text', description: 'YEAR or MONTH' },
      { name: 'year', sql: 'year', type: 'integer', description: 'Year' },
      { name: 'month', sql: 'month', type: 'integer', description: 'Month, for MONTH cells' },
      { name: 'requests', sql: 'requests', type: 'integer', description: 'Requests (null when suppressed)' },
      {
        name: 'completed',
        sql: 'completed',
        type: 'integer',
        description: 'Completed accompaniments (null when suppressed)',
      },
      {
        name: 'volunteers_active',
        sql: 'volunteers_active',
        type: 'integer',
        description: 'Distinct volunteers (null when suppressed)',
      },
      {
        name: 'average_response_minutes',
        sql: 'average_response_minutes',
        type: 'double',
        description: 'Mean minutes to acceptance',
      },
      { name: 'suppressed', sql: 'suppressed', type: 'boolean', description: 'Whether the cell is withheld' },
    ],
    key: { sql: 'id', type: 'text' },
    filters: [
      arrondissementFilter('arrondissement_code'),
      {
        name: 'period',
        type: 'text',
        condition: 'true',
        validate: (value) => (PERIODS.includes(String(value)) ? undefined : '`period` is YEAR or MONTH'),
      },
      { name: 'fromYear', type: 'integer', condition: 'true' },
      { name: 'toYear', type: 'integer', condition: 'true' },
    ],
    accrualPeriodicity: 'irregular',
  },
];
