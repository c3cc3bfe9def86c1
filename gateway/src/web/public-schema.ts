import { printSchema, Supergraph } from '@apollo/federation-internals';

/**
 * `/schema.graphql`: the public SDL, in every mode (production turns introspection off, yet a
 * start-up still needs the schema to generate a typed client). `SCHEMA_PUBLIC=false` hides it.
 * Printed by federation-internals itself, so no second copy of graphql-js meets its schema.
 */
export function publicSchemaFromEnv(supergraphSdl: string, env: NodeJS.ProcessEnv = process.env) {
  if (env.SCHEMA_PUBLIC === 'false') return undefined;
  return `${printSchema(Supergraph.build(supergraphSdl).apiSchema()).trim()}\n`;
}
