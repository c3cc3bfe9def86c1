import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import type { BaseContext } from './context';
import { eventLogPubSub } from './events/pubsub';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** `@Authorized(...roles)` passes when the caller holds any of the roles; bare `@Authorized()` needs a subject. */
const authChecker: AuthChecker<BaseContext> = ({ context }, roles) => {
  if (roles.length === 0) return context.identity.subject !== undefined;
  return roles.some((role) => (context.identity.roles as string[]).includes(role));
};

export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never) => unknown }
>;

export interface FederatedSchemaOptions {
  // type-graphql's own signature for resolver classes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** `__resolveReference` for each entity the subgraph owns or extends, keyed by GraphQL type name. */
  referenceResolvers?: ReferenceResolvers;
}

/**
 * type-graphql schema -> Federation 2 subgraph schema. printSchemaWithDirectives keeps the `@key`
 * directives that graphql's printSchema would drop; buildSubgraphSchema adds `_entities`/`_service`.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    skipCheck: true,
    authChecker,
    authMode: 'error',
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // No input class carries a class-validator constraint (arguments are checked in the services,
    // with coded errors): validating would only walk every argument object of every call for nothing.
    validate: false,
    pubSub: eventLogPubSub,
  });
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] ?? {}),
      ...reference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphQLSchema)}`);
  return buildSubgraphSchema({ typeDefs, resolvers });
}
