/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The perimeter whose residents voted for a group of projects. */
export type BudgetArea =
  /** One arrondissement’s budget (`arrondissement` says which). */
  | 'ARRONDISSEMENT'
  /** Projects of the 1st–4th voted together as Paris Centre since 2021 (filed under 75123): counted once here, not in each of the four. */
  | 'PARIS_CENTRE'
  /** "Budget participatif parisien": voted by all Parisians (filed at the Hôtel de Ville): counted once here, not in the 4th. */
  | 'PARIS_WIDE';

/** Where a winning project stands ("Avancement du projet"). */
export type BudgetProjectProgress =
  /** "ABANDONNÉ" */
  | 'ABANDONED'
  /** "FIN": delivered and closed. */
  | 'COMPLETED'
  /** "LIVRAISON": being handed over. */
  | 'DELIVERY'
  /** "(non démarré)" */
  | 'NOT_STARTED'
  /** "PROCEDURES": tenders, permits, purchases. */
  | 'PROCEDURES'
  /** "ETUDES": design studies under way. */
  | 'STUDIES'
  /** "TRAVAUX": works under way. */
  | 'WORKS';

/** What participatory-budget totals can be grouped by. */
export type BudgetTotalsDimension =
  /** Where the project belongs, each project in exactly one group: its arrondissement, Paris Centre, or Paris as a whole (see `BudgetArea`). */
  | 'ARRONDISSEMENT'
  /** The year of the vote. */
  | 'EDITION'
  /** The "Thématique". */
  | 'THEME';

/** SCHOOL: nursery or primary school; COLLEGE: collège; NURSERY: crèche; HOUSING: eco-district residences. */
export type BuildingCategory =
  | 'COLLEGE'
  | 'CONSERVATORY'
  | 'GYMNASIUM'
  | 'HOUSING'
  | 'LIBRARY'
  | 'MUSEUM'
  | 'NURSERY'
  | 'OFFICES'
  | 'SCHOOL'
  | 'SOCIAL_CENTRE'
  | 'SWIMMING_POOL'
  | 'TOWN_HALL';

/** What a key figure of the city counts. */
export type CityIndicator =
  | 'BUSINESSES'
  | 'HIGHER_EDUCATION_STUDENTS'
  | 'INHABITANTS'
  | 'JOBS'
  | 'SHOPS_AND_COMMERCIAL_SERVICES'
  | 'STARTUPS';

/** DPE class from the annual final-energy intensity: A ≤ 70, B ≤ 110, C ≤ 180, D ≤ 250, E ≤ 330, F ≤ 420, G above (kWh/m²/yr). */
export type EnergyClass =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G';

/** Calendar buckets, in Paris time. */
export type Granularity =
  | 'DAY'
  | 'HOUR'
  | 'MONTH'
  | 'WEEK';

/** DISTRICT_HEATING: the CPCU steam network; GEOTHERMAL_NETWORK: the Clichy-Batignolles geothermal loop; HEAT_PUMP and ELECTRIC heat through the electricity meter. */
export type HeatingSystem =
  | 'DISTRICT_HEATING'
  | 'ELECTRIC'
  | 'GAS_BOILER'
  | 'GEOTHERMAL_NETWORK'
  | 'HEAT_PUMP';

/** OPEN_DATA: imported from opendata.paris.fr (ODbL); REFERENCE: published figures; GENERATED: synthetic, seeded and reproducible. */
export type Provenance =
  | 'GENERATED'
  | 'OPEN_DATA'
  | 'REFERENCE';

/** INSULATION (walls, roof, floors), WINDOWS, HEATING_SYSTEM (boiler, substation or heat pump replaced), VENTILATION, LIGHTING, CONTROL (remote supervision and regulation of the heating). */
export type RetrofitMeasure =
  | 'CONTROL'
  | 'HEATING_SYSTEM'
  | 'INSULATION'
  | 'LIGHTING'
  | 'VENTILATION'
  | 'WINDOWS';

/** A sorted-waste stream. */
export type WasteStream =
  /** Paper and cardboard (papiers-cartons). */
  | 'CARDBOARD'
  /** Small electrical and electronic appliances (DEEE), bulbs, ink cartridges. */
  | 'ELECTRONICS'
  /** Food scraps for composting and biogas (biodéchets). */
  | 'FOOD_WASTE'
  /** Glass bottles and jars (verre). */
  | 'GLASS'
  /** Batteries, paint, solvents and other household hazardous waste. */
  | 'HAZARDOUS'
  /** Plastic and metal packaging and paper, the yellow stream (emballages et papiers). */
  | 'PACKAGING_PAPER'
  /** Clothes, linen and shoes (textiles, linge, chaussures). */
  | 'TEXTILE';

export type ArrondissementsQueryVariables = Exact<{ [key: string]: never; }>;


export type ArrondissementsQuery = { arrondissements: Array<{ code: number, inseeCode: string, name: string, officialName: string, surfaceM2: number | null, population: number | null, location: { latitude: number, longitude: number } }> };

export type BudgetProjectsWithBuildingsQueryVariables = Exact<{
  arrondissement: number;
  edition: number | null | undefined;
  first: number | null | undefined;
  after: string | null | undefined;
}>;


export type BudgetProjectsWithBuildingsQuery = { budgetProjects: { totalCount: number, edges: Array<{ node: { id: string, title: string | null, edition: number, budgetEuros: number, progress: BudgetProjectProgress, building: { id: string, name: string, energyClass: EnergyClass, heatingSystem: HeatingSystem } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type BudgetTotalsQueryVariables = Exact<{
  groupBy: Array<BudgetTotalsDimension> | BudgetTotalsDimension;
  edition: number | null | undefined;
  arrondissement: number | null | undefined;
}>;


export type BudgetTotalsQuery = { budgetTotals: Array<{ edition: number | null, theme: string | null, area: BudgetArea | null, projectCount: number, budgetEuros: number, completedCount: number, votes: number, arrondissement: { code: number, name: string } | null }> };

export type BuildingRetrofitsQueryVariables = Exact<{
  arrondissement: number;
  first: number | null | undefined;
  after: string | null | undefined;
}>;


export type BuildingRetrofitsQuery = { buildings: { totalCount: number, edges: Array<{ node: { id: string, name: string, category: BuildingCategory, energyClass: EnergyClass, floorAreaM2: number, district: { id: string, name: string } | null, retrofits: Array<{ id: string, startedOn: unknown, completedOn: unknown, costEuros: number, measures: Array<RetrofitMeasure>, expectedSavingPercent: number, consumptionYearBeforeKwh: number | null, consumptionYearAfterKwh: number | null, savingPercent: number | null, provenance: Provenance }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CityQueryVariables = Exact<{ [key: string]: never; }>;


export type CityQuery = { city: { id: string, name: string, inseeCode: string, figures: Array<{ indicator: CityIndicator, value: number, unit: string, label: string, year: number, source: { title: string, publisher: string, year: number | null, url: string | null, note: string | null } }> }, districts: Array<{ id: string, name: string, startYear: number | null, arrondissement: { code: number }, source: { title: string, url: string | null } | null }>, projects: Array<{ id: string, name: string, fullName: string | null, startYear: number | null, durationYears: number | null, website: string | null, partners: Array<{ name: string, role: string | null }>, funding: Array<{ programme: string, amountEuros: number, sharePercent: number | null, periodYears: number | null }> }> };

export type StationUpdatesSubscriptionVariables = Exact<{
  arrondissement: number | null | undefined;
  after: string | number | null | undefined;
}>;


export type StationUpdatesSubscription = { wasteStationUpdated: { eventId: string, station: { id: string, name: string, fillingLevel: number | null, arrondissement: { name: string, population: number | null } } } };

export type StationsNearQueryVariables = Exact<{
  latitude: number;
  longitude: number;
  radiusMeters: number;
  first: number | null | undefined;
}>;


export type StationsNearQuery = { wasteStations: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, address: string | null, location: { latitude: number, longitude: number }, containers: Array<{ fillingLevel: number | null, dateLastEmptying: string | null }>, arrondissement: { code: number, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TrainingOutcomesQueryVariables = Exact<{
  year: number | null | undefined;
  arrondissement: number | null | undefined;
}>;


export type TrainingOutcomesQuery = { trainingOutcomes: Array<{ year: number, courses: number, cohorts: number, places: number, trainees: number, completed: number, certified: number, employedWithin6Months: number, furtherStudies: number, completionRate: number | null, successRate: number | null, employmentRate: number | null }> };

export type WasteStreamStatisticsQueryVariables = Exact<{
  since: string;
  until: string;
  granularity: Granularity;
  arrondissement: number | null | undefined;
  streams: Array<WasteStream> | WasteStream | null | undefined;
}>;


export type WasteStreamStatisticsQuery = { wasteStreamStatistics: Array<{ stream: WasteStream, start: string, observations: number, averageFillingLevel: number | null, minimumFillingLevel: number | null, maximumFillingLevel: number | null, shareAtOrAboveThreshold: number | null, collections: number, collectedWeightKg: number, meanHoursBetweenCollections: number | null }> };


export const ArrondissementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"arrondissements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"officialName"}},{"kind":"Field","name":{"kind":"Name","value":"surfaceM2"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}}]}}]}}]} as unknown as DocumentNode<ArrondissementsQuery, ArrondissementsQueryVariables>;
export const BudgetProjectsWithBuildingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetProjectsWithBuildings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"edition"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetProjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"edition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"edition"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"budgetEuros"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"building"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"energyClass"}},{"kind":"Field","name":{"kind":"Name","value":"heatingSystem"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BudgetProjectsWithBuildingsQuery, BudgetProjectsWithBuildingsQueryVariables>;
export const BudgetTotalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BudgetTotals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BudgetTotalsDimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"edition"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetTotals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"edition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"edition"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edition"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"arrondissement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"budgetEuros"}},{"kind":"Field","name":{"kind":"Name","value":"completedCount"}},{"kind":"Field","name":{"kind":"Name","value":"votes"}}]}}]}}]} as unknown as DocumentNode<BudgetTotalsQuery, BudgetTotalsQueryVariables>;
export const BuildingRetrofitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuildingRetrofits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buildings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"supervised"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"energyClass"}},{"kind":"Field","name":{"kind":"Name","value":"floorAreaM2"}},{"kind":"Field","name":{"kind":"Name","value":"district"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retrofits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startedOn"}},{"kind":"Field","name":{"kind":"Name","value":"completedOn"}},{"kind":"Field","name":{"kind":"Name","value":"costEuros"}},{"kind":"Field","name":{"kind":"Name","value":"measures"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSavingPercent"}},{"kind":"Field","name":{"kind":"Name","value":"consumptionYearBeforeKwh"}},{"kind":"Field","name":{"kind":"Name","value":"consumptionYearAfterKwh"}},{"kind":"Field","name":{"kind":"Name","value":"savingPercent"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BuildingRetrofitsQuery, BuildingRetrofitsQueryVariables>;
export const CityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"City"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"city"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"publisher"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"note"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"districts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"StringValue","value":"URBAN_INNOVATION_NEIGHBOURHOOD","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"arrondissement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"districtId"},"value":{"kind":"StringValue","value":"clichy-batignolles","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fullName"}},{"kind":"Field","name":{"kind":"Name","value":"startYear"}},{"kind":"Field","name":{"kind":"Name","value":"durationYears"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"programme"}},{"kind":"Field","name":{"kind":"Name","value":"amountEuros"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"periodYears"}}]}}]}}]}}]} as unknown as DocumentNode<CityQuery, CityQueryVariables>;
export const StationUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StationUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wasteStationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"station"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fillingLevel"}},{"kind":"Field","name":{"kind":"Name","value":"arrondissement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"population"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StationUpdatesSubscription, StationUpdatesSubscriptionVariables>;
export const StationsNearDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StationsNear"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"radiusMeters"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wasteStations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"near"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"latitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"latitude"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"longitude"},"value":{"kind":"Variable","name":{"kind":"Name","value":"longitude"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"radiusMeters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"radiusMeters"}}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"hasCapacityFor"},"value":{"kind":"EnumValue","value":"GLASS"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stream"},"value":{"kind":"EnumValue","value":"GLASS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fillingLevel"}},{"kind":"Field","name":{"kind":"Name","value":"dateLastEmptying"}}]}},{"kind":"Field","name":{"kind":"Name","value":"arrondissement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StationsNearQuery, StationsNearQueryVariables>;
export const TrainingOutcomesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingOutcomes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingOutcomes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"courses"}},{"kind":"Field","name":{"kind":"Name","value":"cohorts"}},{"kind":"Field","name":{"kind":"Name","value":"places"}},{"kind":"Field","name":{"kind":"Name","value":"trainees"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"certified"}},{"kind":"Field","name":{"kind":"Name","value":"employedWithin6Months"}},{"kind":"Field","name":{"kind":"Name","value":"furtherStudies"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"employmentRate"}}]}}]}}]} as unknown as DocumentNode<TrainingOutcomesQuery, TrainingOutcomesQueryVariables>;
export const WasteStreamStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WasteStreamStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"streams"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WasteStream"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wasteStreamStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"arrondissement"},"value":{"kind":"Variable","name":{"kind":"Name","value":"arrondissement"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"streams"},"value":{"kind":"Variable","name":{"kind":"Name","value":"streams"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"observations"}},{"kind":"Field","name":{"kind":"Name","value":"averageFillingLevel"}},{"kind":"Field","name":{"kind":"Name","value":"minimumFillingLevel"}},{"kind":"Field","name":{"kind":"Name","value":"maximumFillingLevel"}},{"kind":"Field","name":{"kind":"Name","value":"shareAtOrAboveThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"collections"}},{"kind":"Field","name":{"kind":"Name","value":"collectedWeightKg"}},{"kind":"Field","name":{"kind":"Name","value":"meanHoursBetweenCollections"}}]}}]}}]} as unknown as DocumentNode<WasteStreamStatisticsQuery, WasteStreamStatisticsQueryVariables>;