import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * Stubs of entities owned by another subgraph. A subgraph that points at, or adds fields to, an
 * entity it does not own declares its own class with the same GraphQL name and `@key`; these
 * factories make that class, one per subgraph (each call is a new class, so the fields one
 * subgraph adds never leak into another's schema).
 */
export function arrondissementReference() {
  @Directive('@key(fields: "code")')
  @ObjectType('Arrondissement')
  class ArrondissementReference {
    @Field(() => Int)
    code: number;
  }
  return ArrondissementReference;
}

/** A stub of an entity keyed by `id` (Building, WasteStation, Startup, District...). */
export function idReference(typeName: string) {
  @Directive('@key(fields: "id")')
  @ObjectType(typeName)
  class IdReference {
    @Field(() => ID)
    id: string;
  }
  return IdReference;
}
