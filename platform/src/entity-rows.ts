import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Entities read with a fixed SQL text instead of the query builder, for the hot lookups (loaders,
 * federation references) and the rows a write returns. The builder regenerates and rewrites its SQL on every call and turns
 * rows into entities through its generic transformer, which together cost far more CPU than
 * PostgreSQL spends on a lookup by key. Here the select list and the row mapping are made once per
 * entity from TypeORM's metadata, and each value goes through the driver's own conversion (dates,
 * column transformers), so the entities equal what `getMany` returns. Only for entities of plain
 * columns — no relations, embedded columns, inheritance, computed columns or load listeners —
 * which the constructor checks.
 */
export class EntityRows<T extends ObjectLiteral> {
  private static readonly made = new WeakMap<DataSource, Map<unknown, EntityRows<ObjectLiteral>>>();

  /** The reader of `entity` on `db`, made on first use (services are made per request, readers once). */
  static of<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>): EntityRows<T> {
    let readers = EntityRows.made.get(db);
    if (!readers) EntityRows.made.set(db, (readers = new Map()));
    let reader = readers.get(entity) as EntityRows<T> | undefined;
    if (!reader) {
      reader = new EntityRows(db, entity);
      readers.set(entity, reader as unknown as EntityRows<ObjectLiteral>);
    }
    return reader;
  }

  /** `"column" AS "property", …` over the entity's table: what to put after SELECT. */
  readonly columns: string;
  private readonly selected: ColumnMetadata[];
  private readonly prototype: object;
  private readonly construct?: new () => object;

  private constructor(
    private readonly db: DataSource,
    entity: EntityTarget<T>,
  ) {
    const metadata = db.getMetadata(entity);
    const unsupported =
      metadata.relations.length > 0 ||
      metadata.embeddeds.length > 0 ||
      metadata.discriminatorColumn !== undefined ||
      metadata.afterLoadListeners.length > 0 ||
      db.subscribers.some((subscriber) => subscriber.afterLoad !== undefined) ||
      metadata.columns.some(
        (column) => column.isVirtualProperty || db.driver.spatialTypes.includes(column.type as never),
      );
    if (unsupported || typeof metadata.target !== 'function')
      throw new Error(`EntityRows reads entity classes of plain columns only, not ${metadata.name}`);
    this.prototype = (metadata.target as { prototype: object }).prototype;
    if (metadata.isAlwaysUsingConstructor) this.construct = metadata.target as new () => object;
    this.selected = metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
    this.columns = this.selected
      .map((column) => `${db.driver.escape(column.databaseName)} AS ${db.driver.escape(column.propertyName)}`)
      .join(', ');
  }

  /** Runs `sql` (a fixed text with `$n` parameters that selects `columns`) and returns its rows as entities. */
  async query(sql: string, parameters: unknown[]): Promise<T[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(sql, parameters);
    return rows.map((row) => this.entity(row));
  }

  /**
   * The entity of one row that selected `columns` (its other fields are left out), for statements
   * `query` cannot run: one inside a transaction, or one that returns more than the entity.
   */
  entity(row: Record<string, unknown>): T {
    // As TypeORM makes loaded entities: through the constructor (`new`), or from the bare prototype
    // when the entity asks TypeORM to skip it.
    const entity = (this.construct ? new this.construct() : Object.create(this.prototype)) as T;
    for (const column of this.selected) {
      const value = row[column.propertyName];
      if (value !== undefined)
        column.setEntityValue(entity, this.db.driver.prepareHydratedValue(value, column));
    }
    return entity;
  }
}
