import { JsonLdParser } from 'jsonld-streaming-parser';
import { Writer } from 'n3';
import { LICENSES, PUBLISHER, type Licence } from '#platform/exports/publisher';
import {
  CATALOG_LANGUAGES,
  LOCAL_AUTHORITY,
  PARIS,
  THEME_TAXONOMY,
  type Concept,
} from '#platform/exports/dcat-ap';

/** A catalog entry as `Query.datasets` describes it: the catalog is built from what clients see. */
export interface CatalogEntry {
  id: string;
  iri: string;
  title: string;
  description: string;
  keywords: string[];
  themeConcepts: Concept[];
  publisher: Agent;
  contactPoint: Agent;
  license: Licence;
  provenance: string;
  sources: string[];
  version: string;
  issued: string | null;
  modified: string | null;
  frequency: Concept;
  spatial: typeof PARIS;
  temporalCoverage: { start: string | null; end: string | null } | null;
  distributions: {
    url: string;
    title: string;
    description: string;
    fileType: Concept;
    mediaTypeIri: string | null;
    availability: Concept;
  }[];
}

interface Agent {
  name: string;
  url: string | null;
  email: string | null;
  type?: Concept | null;
}

const CONCEPT = '{ iri label }';
const ENTRY_FIELDS = `id iri title description keywords themeConcepts ${CONCEPT}
  provenance sources version issued modified frequency ${CONCEPT} spatial { iri label bbox centroid }
  publisher { name url email type ${CONCEPT} } contactPoint { name url email }
  license { name url types ${CONCEPT} } temporalCoverage { start end }
  distributions { url title description fileType ${CONCEPT} mediaTypeIri availability ${CONCEPT} }`;
export const CATALOG_QUERY = `{ datasets { ${ENTRY_FIELDS} } }`;
export const DATASET_QUERY = `query CatalogEntry($id: ID!) { dataset(id: $id) { ${ENTRY_FIELDS} } }`;

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  gsp: 'http://www.opengis.net/ont/geosparql#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/**
 * A vocabulary term, typed with the class DCAT-AP's range shapes expect of the property citing it
 * (a harvester does no inference, so the type is stated, not implied).
 */
function term(concept: Concept, type = 'skos:Concept') {
  return {
    '@id': concept.iri,
    '@type': type,
    'skos:prefLabel': { '@value': concept.label, '@language': 'en' },
  };
}

function dateTime(value: string) {
  return { '@value': value, '@type': 'xsd:dateTime' };
}

function agent(entry: Agent) {
  return {
    '@type': 'foaf:Agent',
    'foaf:name': entry.name,
    ...(entry.url ? { 'foaf:homepage': { '@id': entry.url } } : {}),
    ...(entry.email ? { 'foaf:mbox': { '@id': `mailto:${entry.email}` } } : {}),
    ...(entry.type ? { 'dct:type': term(entry.type) } : {}),
  };
}

function licence(entry: Licence) {
  return {
    '@id': entry.url,
    '@type': 'dct:LicenseDocument',
    'rdfs:label': entry.name,
    'dct:type': entry.types.map((type) => term(type)),
  };
}

function place(entry: typeof PARIS) {
  return {
    '@id': entry.iri,
    '@type': 'dct:Location',
    'skos:prefLabel': entry.label,
    'dcat:bbox': { '@value': entry.bbox, '@type': 'gsp:wktLiteral' },
    'dcat:centroid': { '@value': entry.centroid, '@type': 'gsp:wktLiteral' },
  };
}

function datasetNode(entry: CatalogEntry) {
  const license = licence(entry.license);
  const coverage = entry.temporalCoverage;
  return {
    '@id': entry.iri,
    '@type': 'dcat:Dataset',
    'dct:identifier': entry.id,
    'dct:title': entry.title,
    'dct:description': entry.description,
    'dcat:keyword': entry.keywords,
    'dcat:theme': entry.themeConcepts.map((theme) => ({
      ...term(theme),
      'skos:inScheme': { '@id': THEME_TAXONOMY.iri },
    })),
    'dct:publisher': agent(entry.publisher),
    'dcat:contactPoint': {
      '@type': ['vcard:Kind', 'vcard:Organization'],
      'vcard:fn': entry.contactPoint.name,
      ...(entry.contactPoint.email
        ? { 'vcard:hasEmail': { '@id': `mailto:${entry.contactPoint.email}` } }
        : {}),
    },
    'dct:license': license,
    'dct:provenance': {
      '@type': 'dct:ProvenanceStatement',
      'rdfs:label': `${entry.provenance}: ${entry.sources.join(', ')}`,
    },
    'dcat:version': entry.version,
    ...(entry.issued ? { 'dct:issued': dateTime(entry.issued) } : {}),
    ...(entry.modified ? { 'dct:modified': dateTime(entry.modified) } : {}),
    'dct:accrualPeriodicity': term(entry.frequency, 'dct:Frequency'),
    'dct:spatial': place(entry.spatial),
    ...(coverage?.start
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': dateTime(coverage.start),
            ...(coverage.end ? { 'dcat:endDate': dateTime(coverage.end) } : {}),
          },
        }
      : {}),
    'dcat:distribution': entry.distributions.map((distribution) => ({
      '@id': distribution.url,
      '@type': 'dcat:Distribution',
      'dct:title': distribution.title,
      'dct:description': distribution.description,
      'dcat:accessURL': { '@id': distribution.url },
      'dcat:downloadURL': { '@id': distribution.url },
      ...(distribution.mediaTypeIri
        ? { 'dcat:mediaType': { '@id': distribution.mediaTypeIri, '@type': 'dct:MediaType' } }
        : {}),
      'dct:format': term(distribution.fileType, 'dct:MediaTypeOrExtent'),
      'dct:license': license,
      'dcatap:availability': term(distribution.availability),
    })),
  };
}

/** One dataset's entry, what its IRI dereferences to. */
export function datasetJsonLd(entry: CatalogEntry) {
  return { '@context': CONTEXT, ...datasetNode(entry) };
}

/** The catalog as DCAT-AP 3 JSON-LD, the form EU portals harvest; `base` starts every IRI. */
export function catalogJsonLd(entries: CatalogEntry[], base: string) {
  const issued = entries.flatMap((entry) => entry.issued ?? []).sort()[0];
  const modified = entries
    .flatMap((entry) => entry.modified ?? [])
    .sort()
    .at(-1);
  return {
    '@context': CONTEXT,
    '@id': `${base}/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': PUBLISHER.platformName,
    'dct:description':
      'Open data of a smart and sustainable Paris: territory, energy, waste, mobility, participatory budget, DataCity and ParisCode.',
    'dct:publisher': agent({ name: PUBLISHER.platformName, url: base, email: null, type: LOCAL_AUTHORITY }),
    'dct:language': CATALOG_LANGUAGES.map((iri) => ({ '@id': iri, '@type': 'dct:LinguisticSystem' })),
    'dct:license': licence(LICENSES.METADATA),
    // The platform has no web site of its own: the catalog's address is its home page.
    'foaf:homepage': { '@id': `${base}/catalog`, '@type': 'foaf:Document' },
    'dct:spatial': place(PARIS),
    'dcat:themeTaxonomy': {
      '@id': THEME_TAXONOMY.iri,
      '@type': 'skos:ConceptScheme',
      'dct:title': THEME_TAXONOMY.title,
    },
    ...(issued ? { 'dct:issued': dateTime(issued) } : {}),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': entries.map(datasetNode),
  };
}

/** The same document as Turtle: its JSON-LD read as RDF, written with the context's prefixes. */
export async function toTurtle(document: object): Promise<string> {
  const writer = new Writer({ prefixes: CONTEXT });
  const parser = new JsonLdParser();
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (quad: Parameters<Writer['addQuad']>[0]) => writer.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', resolve);
    parser.end(JSON.stringify(document));
  });
  return new Promise((resolve, reject) =>
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))),
  );
}
