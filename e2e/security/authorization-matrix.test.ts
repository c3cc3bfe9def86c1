import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { DataSource } from 'typeorm';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiKeyCommand } from '#app/cli/apikey';
import { encodeIdentity, IDENTITY_HEADER, type Identity, type Role } from '#platform/identity';
import { SUBGRAPHS } from '#app/registry';
import { startTestPlatform, type TestPlatform } from '#test/platform';
import { Recorder, wsClient } from '#test/live-clients';
import { get, hs256Token, postOperation, type RawResponse } from './support';

/**
 * Every private field × every role, through every way the graph offers to reach it. The private
 * fields are read from type-graphql's metadata (each `@Authorized` field, field resolver and root
 * field) and the ways to reach them from the composed schema, so a private field added later is
 * covered without touching this file; what each role must get follows from the roles declared.
 */
const JWT_SECRET = 'authorization-matrix-test-secret-of-32-bytes';
const OPERATOR_KEY = `authorization-matrix-operator-${Date.now()}`;

type Caller = 'public' | 'researcher' | 'sensor' | 'volunteer' | 'volunteer-owner' | 'operator';
const CALLERS: Caller[] = ['public', 'researcher', 'sensor', 'volunteer', 'volunteer-owner', 'operator'];
/** The role type-graphql checks for each caller (the owner is a volunteer like any other). */
const ROLE: Record<Caller, Role> = {
  public: 'public',
  researcher: 'researcher',
  sensor: 'sensor',
  volunteer: 'volunteer',
  'volunteer-owner': 'volunteer',
  operator: 'operator',
};

interface PrivateField {
  type: string;
  field: string;
  roles: Role[];
}

interface Hop {
  field: string;
  /** The named type the field returns. */
  type: string;
}

/** A way to reach the private fields of `target`: root field (or entity), then nested fields. */
interface AccessPath {
  hops: Hop[];
  target: string;
}

interface Fixture {
  /** The accepted request whose mission belongs to the owner. */
  accepted: string;
  beneficiary: string;
  owner: string;
  other: string;
  pickup: { arrondissement: number; latitude: number; longitude: number };
  /** The last event of the request stream before the fixture: subscriptions replay from it. */
  after: string;
  /** Personal values no refused answer may contain. */
  secrets: string[];
}

let platform: TestPlatform;
let mobilityDb: DataSource;
let mobilityUrl: string;
let fixture: Fixture;
let headers: Record<Caller, Record<string, string>>;
let identities: Record<Caller, Identity>;
let gatewaySchema: GraphQLSchema;
let subgraphSchema: GraphQLSchema;
/** Per private field, whether a caller allowed it has read it with a value (not only been refused). */
const readWhenAllowed = new Map<string, boolean>();

function noteRead(leaf: PrivateField, allowed: boolean, values: unknown[]): void {
  const key = `${leaf.type}.${leaf.field}`;
  const read = allowed && values.some((value) => value !== null && value !== undefined);
  readWhenAllowed.set(key, (readWhenAllowed.get(key) ?? false) || read);
}

async function createKey(args: string[]): Promise<{ key: string; id: string }> {
  const lines: string[] = [];
  const code = await runApiKeyCommand(['create', ...args], platform.databaseUrl, (line) => lines.push(line));
  const output = lines.join('\n');
  expect(code, output).toBe(0);
  return { key: /key:\s+(\S+)/.exec(output)![1], id: /id:\s+(\S+)/.exec(output)![1] };
}

async function gateway(
  query: string,
  caller: Caller,
  variables: Record<string, unknown> = {},
): Promise<RawResponse> {
  return postOperation(platform.gateway.url, query, headers[caller], variables);
}

/** Straight to the mobility subgraph with an identity signed as the gateway signs it. */
function subgraph(
  query: string,
  caller: Caller,
  variables: Record<string, unknown> = {},
): Promise<RawResponse> {
  return postOperation(
    mobilityUrl,
    query,
    {
      [IDENTITY_HEADER]: encodeIdentity(identities[caller], platform.gatewaySecret),
    },
    variables,
  );
}

async function introspect(send: (query: string) => Promise<RawResponse>): Promise<GraphQLSchema> {
  const response = await send(getIntrospectionQuery());
  expect(response.body.errors).toBeUndefined();
  return buildClientSchema(response.body.data as unknown as IntrospectionQuery);
}

/** Every `@Authorized` field of the graph, named as the schema names it. */
function privateFields(): PrivateField[] {
  const storage = getMetadataStorage();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const typeOf = (target: Function) => storage.objectTypes.find((type) => type.target === target)?.name;
  const found = new Map<string, PrivateField>();
  for (const { target, fieldName, roles } of storage.authorizedFields) {
    const matches = (meta: { target: unknown; methodName: string }) =>
      meta.target === target && meta.methodName === fieldName;
    let type = typeOf(target);
    let field = storage.fields.find((meta) => meta.target === target && meta.name === fieldName)?.schemaName;
    for (const [root, handlers] of [
      ['Query', storage.queries],
      ['Mutation', storage.mutations],
      ['Subscription', storage.subscriptions],
    ] as const) {
      const handler = handlers.find(matches);
      if (handler) [type, field] = [root, handler.schemaName];
    }
    const resolver = storage.fieldResolvers.find(matches);
    if (resolver) {
      const owner = storage.resolverClasses.find((meta) => meta.target === target)?.getObjectType?.();
      if (owner) [type, field] = [typeOf(owner as never), resolver.schemaName];
    }
    if (!type || !field) throw new Error(`@Authorized ${target.name}.${fieldName} maps to no schema field`);
    found.set(`${type}.${field}`, { type, field, roles: roles as Role[] });
  }
  return [...found.values()].sort((a, b) => `${a.type}.${a.field}`.localeCompare(`${b.type}.${b.field}`));
}

/** The arguments each root field is called with: the fixture's rows, or a page that includes them. */
function rootArguments(field: string): string | undefined {
  const near = `{ latitude: ${fixture.pickup.latitude}, longitude: ${fixture.pickup.longitude}, radiusMeters: 1500 }`;
  const known: Record<string, string> = {
    accompanimentRequests: `(first: 5, filter: { beneficiaryId: "${fixture.beneficiary}" })`,
    accompanimentRequest: `(id: "${fixture.accepted}")`,
    openAccompanimentRequests: `(near: ${near}, first: 5)`,
    beneficiaries: '(first: 3)',
    beneficiary: `(id: "${fixture.beneficiary}")`,
    volunteers: '(first: 3)',
    volunteer: `(id: "${fixture.owner}")`,
    myMissions: '(status: ACCEPTED, first: 5)',
    accompanimentRequestOpened: `(near: ${near}, after: "${fixture.after}")`,
    accompanimentRequestChanged: `(after: "${fixture.after}")`,
  };
  return known[field];
}

/** Refuses to guess: a field needing arguments this test does not know must be added above. */
function argumentsOf(field: GraphQLField<unknown, unknown>, root: boolean): string {
  const given = root ? rootArguments(field.name) : undefined;
  if (given !== undefined) return given;
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length > 0)
    throw new Error(
      `the matrix needs arguments for ${field.name}(${required.map((arg) => arg.name).join(', ')})`,
    );
  return '';
}

/** Every path from `start`'s fields to a type with private fields, never through the same type twice. */
function accessPaths(schema: GraphQLSchema, start: string, privateTypes: Set<string>): AccessPath[] {
  const reaches = new Set(privateTypes);
  for (let grew = true; grew;) {
    grew = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || reaches.has(type.name)) continue;
      if (Object.values(type.getFields()).some((field) => reaches.has(getNamedType(field.type).name))) {
        reaches.add(type.name);
        grew = true;
      }
    }
  }
  const paths: AccessPath[] = [];
  const walk = (typeName: string, hops: Hop[], seen: Set<string>) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) || !reaches.has(named.name) || seen.has(named.name)) continue;
      const next = [...hops, { field: field.name, type: named.name }];
      if (privateTypes.has(named.name)) paths.push({ hops: next, target: named.name });
      walk(named.name, next, new Set([...seen, named.name]));
    }
  };
  walk(start, [], new Set([start]));
  return paths;
}

/** `a(args) { b { <inner> } }` along the hops, arguments from the schema each hop is read in. */
function selectionAlong(
  schema: GraphQLSchema,
  parent: string,
  hops: Hop[],
  inner: string,
  root: boolean,
): string {
  if (hops.length === 0) return inner;
  const [hop, ...rest] = hops;
  const type = schema.getType(parent);
  if (!isObjectType(type)) throw new Error(`${parent} is not an object type`);
  const field = type.getFields()[hop.field];
  return `${hop.field}${argumentsOf(field, root)} { ${selectionAlong(schema, hop.type, rest, inner, false)} }`;
}

/** A literal of the argument's shape: enough to pass validation and reach the authorization check. */
function placeholder(type: GraphQLInputType): string {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return `[${placeholder(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${required.map((field) => `${field.name}: ${placeholder(field.type)}`).join(', ')} }`;
  }
  const scalars: Record<string, string> = {
    Int: '1',
    Float: '0.5',
    Boolean: 'true',
    DateTime: '"2020-01-01T00:00:00Z"',
  };
  return scalars[type.name] ?? '"matrix-placeholder"';
}

/** The private fields of a type, each with the smallest selection that shows whether it came back. */
function leafSelection(schema: GraphQLSchema, typeName: string, fields: PrivateField[]): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return fields
    .filter((field) => field.type === typeName)
    .map((field) => {
      const schemaField = type.getFields()[field.field];
      if (!schemaField) throw new Error(`${typeName}.${field.field} is not in the schema`);
      const named = getNamedType(schemaField.type);
      return `${field.field}${argumentsOf(schemaField, false)}${isObjectType(named) ? ' { __typename }' : ''}`;
    })
    .join(' ');
}

/** The values at a response path, lists flattened (edges, nodes, results of a stream). */
function valuesAt(data: unknown, names: string[]): unknown[] {
  let current: unknown[] = [data];
  for (const name of names) {
    current = current
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object')
      .map((value) => value[name]);
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value]));
}

type GraphQLErrors = {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}[];

/** Errors on the field at `names`, or on a field above it (lists indices ignored). */
function errorsAt(errors: GraphQLErrors, names: string[]): GraphQLErrors {
  return errors.filter((error) => {
    const path = (error.path ?? []).filter((segment) => typeof segment === 'string');
    return path.length <= names.length && path.every((segment, index) => segment === names[index]);
  });
}

/** Whether `caller` may see every field along the way, by the roles declared on them. */
function declaredAllowed(caller: Caller, fields: (PrivateField | undefined)[]): boolean {
  return fields.every((field) => !field || field.roles.includes(ROLE[caller]));
}

interface Outcome {
  path: string;
  caller: Caller;
  values: unknown[];
  errors: GraphQLErrors;
  text: string;
}

/**
 * Checks one field reached one way by one caller. Allowed callers get it without error (the very
 * value the operator gets, when the operator may take the same way); refused callers get null with
 * a FORBIDDEN error on it or above it; a volunteer who owns nothing in the fixture gets nothing
 * (row rules may hide the whole object instead of refusing it).
 */
function expectOutcome(outcome: Outcome, allowed: boolean, operatorValues: unknown[] | undefined): void {
  const label = `${outcome.path} as ${outcome.caller}`;
  const present = outcome.values.filter((value) => value !== null && value !== undefined);
  if (allowed) {
    expect(outcome.errors, label).toEqual([]);
    if (operatorValues) expect(outcome.values, label).toEqual(operatorValues);
    return;
  }
  expect(present, label).toEqual([]);
  if (outcome.caller !== 'volunteer')
    expect(
      outcome.errors.map((error) => error.extensions?.code),
      label,
    ).toContain('FORBIDDEN');
  for (const secret of fixture.secrets) expect(outcome.text, label).not.toContain(secret);
}

/** What one caller got for one operation: a response, or the results of a subscription. */
interface Answer {
  data: unknown;
  errors: GraphQLErrors;
  text: string;
}

function answerOf(response: RawResponse): Answer {
  return { data: response.body.data, errors: response.body.errors ?? [], text: response.text };
}

/** The private fields crossed on the way, each hop looked up on the type it is read from. */
function hopFieldsOf(fields: PrivateField[], start: string, hops: Hop[]): (PrivateField | undefined)[] {
  return hops.map((hop, index) =>
    fields.find(
      (field) => field.field === hop.field && field.type === (index === 0 ? start : hops[index - 1].type),
    ),
  );
}

/**
 * Checks every private field of `path.target` in what each caller got for one way of reaching
 * it. `prefix` is the response path above the hops (`_entities`); `compareWithOperator` holds
 * allowed callers to the operator's very values (not for streams, whose events differ per caller).
 */
function checkAnswers(
  label: string,
  fields: PrivateField[],
  start: string,
  path: AccessPath,
  prefix: string[],
  answers: Map<Caller, Answer>,
  compareWithOperator: boolean,
): void {
  const hopFields = hopFieldsOf(fields, start, path.hops);
  for (const leaf of fields.filter((field) => field.type === path.target)) {
    const names = [...prefix, ...path.hops.map((hop) => hop.field), leaf.field];
    const operatorAllowed = declaredAllowed('operator', [...hopFields, leaf]);
    const operatorValues =
      compareWithOperator && operatorAllowed ? valuesAt(answers.get('operator')!.data, names) : undefined;
    for (const caller of CALLERS) {
      const answer = answers.get(caller)!;
      const allowed = caller !== 'volunteer' && declaredAllowed(caller, [...hopFields, leaf]);
      const values = valuesAt(answer.data, names);
      expectOutcome(
        {
          path: `${label}.${[...path.hops.map((hop) => hop.field), leaf.field].join('.')}`,
          caller,
          values,
          errors: errorsAt(answer.errors, names),
          text: answer.text,
        },
        allowed,
        caller === 'operator' ? undefined : operatorValues,
      );
      noteRead(leaf, allowed, values);
    }
  }
}

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

function objectTypesWithPrivateFields(fields: PrivateField[]): Set<string> {
  return new Set(fields.filter((field) => !ROOT_TYPES.has(field.type)).map((field) => field.type));
}

let requests = 0;
/** A request recorded by an operator for the fixture's beneficiary, `days` ahead. */
async function openRequest(days: number, pickup: Fixture['pickup']): Promise<string> {
  requests += 1;
  const created = await gateway(
    'mutation ($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }',
    'operator',
    {
      input: {
        clientRequestId: `matrix-${process.pid}-${Date.now()}-${requests}`,
        beneficiaryId: fixture.beneficiary,
        purpose: 'CULTURE',
        requestedFor: new Date(Date.now() + days * 86_400_000).toISOString(),
        pickup,
      },
    },
  );
  expect(created.body.errors).toBeUndefined();
  return (created.body.data as { requestAccompaniment: { id: string } }).requestAccompaniment.id;
}

async function acceptFor(id: string, volunteerId: string): Promise<void> {
  const accepted = await gateway(
    'mutation ($id: ID!, $volunteerId: ID) { acceptAccompanimentRequest(id: $id, volunteerId: $volunteerId) { id } }',
    'operator',
    { id, volunteerId },
  );
  expect(accepted.body.errors).toBeUndefined();
}

beforeAll(async () => {
  process.env.OPERATOR_API_KEY = OPERATOR_KEY;
  platform = await startTestPlatform(['territory', 'mobility'], { jwt: { secret: JWT_SECRET } });
  const mobility = platform.subgraphs.find((candidate) => candidate.name === 'mobility');
  if (!mobility) throw new Error('the mobility subgraph did not start');
  mobilityDb = mobility.db;
  mobilityUrl = mobility.url;

  // Two active volunteers with no accepted mission: one is given the fixture's, the other owns nothing.
  const [owner, other] = (
    await mobilityDb.query<{ id: string }[]>(
      `SELECT v.id FROM volunteer v WHERE v.active AND NOT EXISTS (
         SELECT 1 FROM accompaniment_request r WHERE r.volunteer_id = v.id AND r.status IN ('ACCEPTED', 'IN_PROGRESS'))
       ORDER BY v.id DESC LIMIT 2`,
    )
  ).map((row) => row.id);
  const [beneficiary] = await mobilityDb.query<
    { id: string; phone: string; street_address: string; family_name: string }[]
  >('SELECT id, phone, street_address, family_name FROM beneficiary ORDER BY id DESC LIMIT 1');
  const [volunteerRow] = await mobilityDb.query<{ email: string; phone: string; family_name: string }[]>(
    'SELECT email, phone, family_name FROM volunteer WHERE id = $1',
    [owner],
  );
  const [{ after }] = await mobilityDb.query<{ after: string }[]>(
    `SELECT coalesce(max(position), 0)::text AS after FROM event_log WHERE stream = 'mobility-request'`,
  );

  const researcher = await createKey(['--role', 'researcher', '--label', 'matrix researcher']);
  const sensor = await createKey(['--role', 'sensor', '--label', 'matrix sensor', '--device', 'meter:M-1']);
  identities = {
    public: { roles: ['public'] },
    researcher: { roles: ['researcher'], subject: `apikey:${researcher.id}` },
    sensor: { roles: ['sensor'], subject: `apikey:${sensor.id}`, devices: ['meter:M-1'] },
    volunteer: { roles: ['volunteer'], subject: other },
    'volunteer-owner': { roles: ['volunteer'], subject: owner },
    operator: { roles: ['operator'], subject: 'operator-matrix' },
  };
  const bearer = async (identity: Identity) => ({
    authorization: `Bearer ${await hs256Token(JWT_SECRET, { sub: identity.subject, roles: identity.roles })}`,
  });
  headers = {
    public: {},
    researcher: { 'x-api-key': researcher.key },
    sensor: { 'x-api-key': sensor.key },
    volunteer: await bearer(identities.volunteer),
    'volunteer-owner': await bearer(identities['volunteer-owner']),
    operator: await bearer(identities.operator),
  };

  const pickup = { arrondissement: 4, latitude: 48.85661, longitude: 2.35222 };
  fixture = {
    accepted: '',
    beneficiary: beneficiary.id,
    owner,
    other,
    pickup,
    after,
    secrets: [
      beneficiary.phone,
      beneficiary.street_address,
      beneficiary.family_name,
      volunteerRow.email,
      volunteerRow.phone,
      volunteerRow.family_name,
      String(pickup.latitude),
    ],
  };
  // The latest requests of the beneficiary (pages list them first): the owner's mission, then an open one.
  fixture.accepted = await openRequest(171, pickup);
  await acceptFor(fixture.accepted, owner);
  await openRequest(170, pickup);
  gatewaySchema = await introspect((query) => gateway(query, 'operator'));
  subgraphSchema = await introspect((query) => subgraph(query, 'operator'));
});
afterAll(() => platform?.stop());

/** Who a person is and where they live: operators only. */
const OPERATOR_ONLY = [
  'Beneficiary.givenName',
  'Beneficiary.familyName',
  'Beneficiary.phone',
  'Beneficiary.streetAddress',
  'Beneficiary.location',
  'Volunteer.email',
  'Volunteer.phone',
  'AccompanimentRequest.location',
  'AccompanimentRequest.beneficiary',
];

describe('the private fields, read from the metadata', () => {
  it('include the personal data we know of, and the private root fields', () => {
    const names = privateFields().map((field) => `${field.type}.${field.field}`);
    expect(names).toEqual(
      expect.arrayContaining([
        ...OPERATOR_ONLY,
        'Mission.meetingPoint',
        'Mission.contact',
        'MissionContact.phone',
        'Query.beneficiaries',
        'Query.myMissions',
        'Subscription.accompanimentRequestOpened',
        'Subscription.accompanimentRequestChanged',
      ]),
    );
  });

  it('keep a person’s identity for operators, and the mission contact for its volunteer too', () => {
    const rolesOf = (name: string) =>
      privateFields().find((field) => `${field.type}.${field.field}` === name)?.roles;
    for (const name of OPERATOR_ONLY) expect(rolesOf(name), name).toEqual(['operator']);
    expect(rolesOf('MissionContact.phone')?.sort()).toEqual(['operator', 'volunteer']);
  });

  it('can each be reached some way from the gateway or as an entity', () => {
    const fields = privateFields().filter(
      (field) => !['Query', 'Mutation', 'Subscription'].includes(field.type),
    );
    const types = new Set(fields.map((field) => field.type));
    const reached = new Set([
      ...accessPaths(gatewaySchema, 'Query', types).map((path) => path.target),
      ...entityTypes().filter((type) => types.has(type)),
    ]);
    for (const field of fields) expect(reached, `${field.type}.${field.field}`).toContain(field.type);
  });
});

/** The entity types the mobility subgraph resolves by reference, with the fixture row of each. */
function entityTypes(): string[] {
  const union = subgraphSchema.getType('_Entity');
  return union && 'getTypes' in union ? union.getTypes().map((type) => type.name) : [];
}

function representationOf(type: string): { __typename: string; id: string } {
  const ids: Record<string, string> = {
    AccompanimentRequest: fixture.accepted,
    Mission: fixture.accepted,
    Beneficiary: fixture.beneficiary,
    Volunteer: fixture.owner,
  };
  if (!ids[type]) throw new Error(`the matrix needs a fixture row for the entity ${type}`);
  return { __typename: type, id: ids[type] };
}

describe('every private field × every role', () => {
  it('private root fields: FORBIDDEN for the roles they do not name', async () => {
    const roots = privateFields().filter((field) => field.type === 'Query');
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      const field = gatewaySchema.getQueryType()!.getFields()[root.field];
      const named = getNamedType(field.type);
      const query = `{ ${root.field}${argumentsOf(field, true)}${isObjectType(named) ? ' { __typename }' : ''} }`;
      for (const caller of CALLERS) {
        const response = await gateway(query, caller);
        const refused = errorsAt(response.body.errors ?? [], [root.field]).map(
          (error) => error.extensions?.code,
        );
        const label = `Query.${root.field} as ${caller}`;
        if (declaredAllowed(caller, [root])) expect(refused, label).toEqual([]);
        else {
          expect(refused, label).toContain('FORBIDDEN');
          expect(response.body.data?.[root.field] ?? null, label).toBeNull();
        }
      }
    }
  });

  it('private mutations: FORBIDDEN, with nothing run, for the roles they do not name', async () => {
    const mutationType = gatewaySchema.getMutationType()!;
    const mutations = privateFields().filter(
      (field) => field.type === 'Mutation' && mutationType.getFields()[field.field],
    );
    expect(mutations.map((mutation) => mutation.field)).toContain('requestAccompaniment');
    for (const mutation of mutations) {
      const field = mutationType.getFields()[mutation.field];
      const args = field.args
        .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
        .map((arg) => `${arg.name}: ${placeholder(arg.type)}`);
      const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
      const operation = `mutation { ${mutation.field}${args.length > 0 ? `(${args.join(', ')})` : ''}${selection} }`;
      for (const caller of CALLERS.filter((candidate) => !declaredAllowed(candidate, [mutation]))) {
        const response = await gateway(operation, caller);
        expect(
          response.body.errors?.map((error) => error.extensions?.code),
          `${mutation.field} as ${caller}`,
        ).toEqual(['FORBIDDEN']);
      }
    }
  });

  it('through the gateway: by id, through lists and through nested relations', async () => {
    const fields = privateFields();
    const paths = accessPaths(gatewaySchema, 'Query', objectTypesWithPrivateFields(fields));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const inner = leafSelection(gatewaySchema, path.target, fields);
      const query = `{ ${selectionAlong(gatewaySchema, 'Query', path.hops, inner, true)} }`;
      const answers = new Map<Caller, Answer>();
      for (const caller of CALLERS) answers.set(caller, answerOf(await gateway(query, caller)));
      checkAnswers('Query', fields, 'Query', path, [], answers, true);
    }
  });

  it('through _entities sent straight to the subgraph with a signed identity', async () => {
    const fields = privateFields();
    const types = objectTypesWithPrivateFields(fields);
    const entities = entityTypes().filter(
      (type) => types.has(type) || accessPaths(subgraphSchema, type, types).length > 0,
    );
    expect(entities).toEqual(
      expect.arrayContaining(['AccompanimentRequest', 'Beneficiary', 'Mission', 'Volunteer']),
    );
    for (const entity of entities) {
      const paths: AccessPath[] = [
        ...(types.has(entity) ? [{ hops: [], target: entity }] : []),
        ...accessPaths(subgraphSchema, entity, types),
      ];
      for (const path of paths) {
        const inner = leafSelection(subgraphSchema, path.target, fields);
        const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on ${entity} { ${selectionAlong(subgraphSchema, entity, path.hops, inner, false)} } } }`;
        const variables = { representations: [representationOf(entity)] };
        const answers = new Map<Caller, Answer>();
        for (const caller of CALLERS) answers.set(caller, answerOf(await subgraph(query, caller, variables)));
        checkAnswers(`_entities(${entity})`, fields, entity, path, ['_entities'], answers, true);
      }
    }
  });

  it('through the subscription payloads', async () => {
    // The other volunteer gets a mission of their own, far away: the event their stream must
    // bring proves that the owner's events were filtered out, not still on their way.
    const theirs = await openRequest(169, { arrondissement: 16, latitude: 48.8637, longitude: 2.2769 });
    await acceptFor(theirs, fixture.other);
    const fields = privateFields();
    const paths = accessPaths(gatewaySchema, 'Subscription', objectTypesWithPrivateFields(fields));
    expect(new Set(paths.map((path) => path.hops[0].field))).toEqual(
      new Set(['accompanimentRequestOpened', 'accompanimentRequestChanged']),
    );
    /** Events after the fixture's start: R opened, R accepted, O opened, theirs opened and accepted. */
    const expected: Record<string, Partial<Record<Caller, number>>> = {
      accompanimentRequestOpened: { volunteer: 2, 'volunteer-owner': 2, operator: 2 },
      accompanimentRequestChanged: { volunteer: 1, 'volunteer-owner': 1, operator: 5 },
    };
    for (const path of paths) {
      const inner = leafSelection(gatewaySchema, path.target, fields);
      const operation = `subscription { ${selectionAlong(gatewaySchema, 'Subscription', path.hops, inner, true)} }`;
      const answers = new Map<Caller, Answer>();
      for (const caller of CALLERS) {
        const recorder = new Recorder(wsClient(platform.gateway, headers[caller]), operation);
        try {
          await recorder.waitFor(expected[path.hops[0].field][caller] ?? 1);
        } finally {
          recorder.close();
        }
        const errors = [
          ...(Array.isArray(recorder.error) ? (recorder.error as GraphQLErrors) : []),
          ...recorder.results.flatMap((result) => (result.errors ?? []) as unknown as GraphQLErrors),
        ];
        const data = recorder.results.map((result) => result.data ?? null);
        answers.set(caller, { data, errors, text: JSON.stringify({ data, errors }) });
      }
      checkAnswers('Subscription', fields, 'Subscription', path, [], answers, false);
    }

    const changed = new Recorder<{ accompanimentRequestChanged: { request: { id: string } | null } }>(
      wsClient(platform.gateway, headers.volunteer),
      `subscription { accompanimentRequestChanged(after: "${fixture.after}") { request { id } } }`,
    );
    await changed.waitFor(1);
    changed.close();
    expect(changed.data.map((data) => data.accompanimentRequestChanged.request?.id)).toEqual([theirs]);
  });

  it('IDOR: a volunteer gets nothing of another volunteer’s mission, by id or otherwise', async () => {
    const byId = await gateway(
      `{ accompanimentRequest(id: "${fixture.accepted}") { id status } myMissions(first: 100) { edges { node { id } } } }`,
      'volunteer',
    );
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data?.accompanimentRequest).toBeNull();
    expect(JSON.stringify(byId.body.data?.myMissions)).not.toContain(fixture.accepted);

    const entity = await subgraph(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id status } } }',
      'volunteer',
      { r: [{ __typename: 'Mission', id: fixture.accepted }] },
    );
    expect(entity.body.data?._entities).toEqual([null]);
    expect(entity.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

    for (const mutation of ['startMission', 'completeMission']) {
      const response = await gateway(
        `mutation { ${mutation}(id: "${fixture.accepted}") { id } }`,
        'volunteer',
      );
      expect(
        response.body.errors?.map((error) => error.extensions?.code),
        mutation,
      ).toEqual(['FORBIDDEN']);
    }
    const taken = await gateway(
      `mutation { acceptAccompanimentRequest(id: "${fixture.accepted}") { id } }`,
      'volunteer',
    );
    expect(taken.body.errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);

    // The control: the owner reads it both ways.
    const owned = await gateway(
      `{ accompanimentRequest(id: "${fixture.accepted}") { id } }`,
      'volunteer-owner',
    );
    expect(owned.body.data?.accompanimentRequest).toEqual({ id: fixture.accepted });
  });
});

describe('exports', () => {
  const datasets = SUBGRAPHS.flatMap((definition) => definition.datasets ?? []);
  const exportUrl = (id: string) => new URL(`/datasets/${id}.ndjson`, platform.gateway.url).toString();

  it('refuse a dataset with roles to every other caller', async () => {
    for (const dataset of datasets.filter((candidate) => candidate.roles)) {
      for (const caller of CALLERS) {
        const response = await get(exportUrl(dataset.id), {}, headers[caller]);
        const label = `${dataset.id} as ${caller}`;
        if (dataset.roles!.includes(ROLE[caller])) expect(response.status, label).toBe(200);
        else {
          expect(response.status, label).toBe(403);
          expect(JSON.parse(response.text), label).toMatchObject({ code: 'FORBIDDEN' });
        }
      }
    }
  });

  it('publish without roles no column the graph keeps for some roles', () => {
    const storage = getMetadataStorage();
    const personal = privateFields().flatMap((field) => {
      const target = storage.objectTypes.find((type) => type.name === field.type)?.target;
      if (!target || !mobilityDb.hasMetadata(target)) return [];
      const metadata = mobilityDb.getMetadata(target);
      const column = metadata.findColumnWithPropertyName(field.field);
      return column ? [{ table: metadata.tableName, column: column.databaseName }] : [];
    });
    expect(personal).toEqual(expect.arrayContaining([{ table: 'beneficiary', column: 'phone' }]));
    for (const dataset of datasets.filter((candidate) => !candidate.roles)) {
      const selected = [dataset.where ?? '', ...dataset.columns.map((column) => column.sql)].join(' ');
      for (const { table, column } of personal) {
        if (!dataset.from.includes(table)) continue;
        expect(selected, `${dataset.id} selects ${table}.${column}`).not.toMatch(
          new RegExp(`\\b${column}\\b`),
        );
      }
    }
  });

  it('give anyone the mobility aggregates without a personal value', async () => {
    const mobility = datasets.filter((dataset) => dataset.subgraph === 'mobility' && !dataset.roles);
    expect(mobility.map((dataset) => dataset.id)).toContain('accompaniment-stats');
    for (const dataset of mobility) {
      const response = await get(exportUrl(dataset.id), {});
      expect(response.status, dataset.id).toBe(200);
      for (const secret of fixture.secrets) expect(response.text, dataset.id).not.toContain(secret);
    }
  });
});

describe('coverage', () => {
  it('saw every private field read by a caller allowed it, not only refused', () => {
    const objectFields = privateFields().filter((field) => !ROOT_TYPES.has(field.type));
    for (const field of objectFields) {
      const key = `${field.type}.${field.field}`;
      expect(readWhenAllowed.get(key), `${key} was never read with a value by an allowed caller`).toBe(true);
    }
  });
});

describe('a mission that is over', () => {
  it('no longer shows its volunteer where and how to reach the person; operators still see both', async () => {
    const over = await openRequest(168, fixture.pickup);
    await acceptFor(over, fixture.owner);
    const cancelled = await gateway(
      `mutation { cancelAccompanimentRequest(input: { id: "${over}", reason: BENEFICIARY_REQUEST }) { status } }`,
      'operator',
    );
    expect(cancelled.body.errors).toBeUndefined();
    const query =
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { status meetingPoint { latitude } contact { phone } } } }';
    const variables = { r: [{ __typename: 'Mission', id: over }] };
    const owner = await subgraph(query, 'volunteer-owner', variables);
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data?._entities).toEqual([{ status: 'CANCELLED', meetingPoint: null, contact: null }]);
    for (const secret of fixture.secrets) expect(owner.text).not.toContain(secret);
    const operator = await subgraph(query, 'operator', variables);
    expect(operator.body.data?._entities).toEqual([
      {
        status: 'CANCELLED',
        meetingPoint: { latitude: fixture.pickup.latitude },
        contact: { phone: expect.any(String) },
      },
    ]);
  });
});
