import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** Longest `search` accepted: a sentence, not a document. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * The text search configuration every searchable table indexes with: PostgreSQL's `french`
 * (stemming, stop words) after `unaccent`, so "ecole" finds "école" and "Écoles" alike.
 */
export const SEARCH_CONFIGURATION = 'public.french_unaccent';

/** The generated column a searchable table keeps its weighted document in (GIN-indexed). */
export const SEARCH_COLUMN = 'search_document';

export function validateSearch(search: string | null | undefined, argument = 'filter.search'): string | null {
  if (search === null || search === undefined) return null;
  const text = search.trim();
  if (text.length === 0 || text.length > MAX_SEARCH_LENGTH || text.includes('\0'))
    throw badInput(`\`${argument}\` must be 1 to ${MAX_SEARCH_LENGTH} characters of text`, argument);
  return text;
}

/** The caller's words as a query (web-search syntax: "quoted phrases", `or`, `-excluded`). */
function tsQuery(parameter: string): string {
  return `websearch_to_tsquery('${SEARCH_CONFIGURATION}', ${parameter})`;
}

/** The SQL of "the document matches the words" given the words' placeholder. */
export function searchSql(document: string, parameter: string): string {
  return `${document} @@ ${tsQuery(parameter)}`;
}

/** Relevance of a row to the `search` given to `whereSearch` (title words weigh most). */
export function relevanceSql(alias: string): string {
  return `ts_rank(${alias}.${SEARCH_COLUMN}, ${tsQuery(':searchText')})`;
}

export function whereSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  search: string | null | undefined,
  argument = 'filter.search',
): SelectQueryBuilder<T> {
  const text = validateSearch(search, argument);
  if (text === null) return query;
  return query.andWhere(searchSql(`${alias}.${SEARCH_COLUMN}`, ':searchText'), { searchText: text });
}

/** A weighted part of a table's search document: a text column (or an immutable expression over columns). */
export interface SearchPart {
  sql: string;
  weight: 'A' | 'B' | 'C' | 'D';
}

/**
 * The migration steps that make a table searchable: the shared configuration (created once per
 * database, under the same lock as the other extensions), the generated document and its index.
 */
export async function addSearchDocument(
  queryRunner: QueryRunner,
  table: string,
  parts: SearchPart[],
): Promise<void> {
  await createSearchConfiguration(queryRunner);
  const document = parts
    .map(
      (part) =>
        `setweight(to_tsvector('${SEARCH_CONFIGURATION}'::regconfig, coalesce(${part.sql}, '')), '${part.weight}')`,
    )
    .join(' || ');
  await queryRunner.query(
    `ALTER TABLE ${table} ADD COLUMN ${SEARCH_COLUMN} tsvector GENERATED ALWAYS AS (${document}) STORED`,
  );
  await queryRunner.query(`CREATE INDEX "IDX_${table}_search" ON ${table} USING gin (${SEARCH_COLUMN})`);
}

export async function dropSearchDocument(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN ${SEARCH_COLUMN}`);
}

/** `unaccent` ships with PostgreSQL's contrib (Debian's postgresql-15 and the embedded binaries alike). */
async function createSearchConfiguration(queryRunner: QueryRunner): Promise<void> {
  // Services migrate at once: the lock that guards the other extensions serialises this too.
  await queryRunner.query('SELECT pg_advisory_xact_lock(7510100)');
  await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
  await queryRunner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent'
                     AND cfgnamespace = 'public'::regnamespace) THEN
        CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
          ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
      END IF;
    END $$`);
}
