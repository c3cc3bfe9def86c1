import { DefaultNamingStrategy, type NamingStrategyInterface } from 'typeorm';

/** Columns and tables in snake_case, so SQL users and exports read `filling_level`, not `"fillingLevel"`. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  private static snake(name: string): string {
    return name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
      .toLowerCase();
  }

  override tableName(className: string, customName: string | undefined): string {
    return customName ?? SnakeNamingStrategy.snake(className);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return SnakeNamingStrategy.snake([...prefixes, customName ?? propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return SnakeNamingStrategy.snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return SnakeNamingStrategy.snake(`${relationName}_${referencedColumnName}`);
  }
}
