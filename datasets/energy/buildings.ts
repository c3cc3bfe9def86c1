import { Provenance } from '#platform/city';
import { buildingId, MIN_BUILDINGS_PER_ARRONDISSEMENT } from '../identifiers';
import { SeededRandom } from '#platform/random';
import {
  Building,
  BuildingCategory,
  EnergyClass,
  HeatingSystem,
} from '#energy/modules/building/building.entity';
import { Meter, MeterKind, unitOf } from '#energy/modules/meter/meter.entity';
import {
  ARRONDISSEMENT_STOCK,
  CATEGORY_PROFILES,
  CONSTRUCTION_ERAS,
  ECO_DISTRICT,
  ECO_DISTRICT_BUILDINGS,
  ECO_DISTRICT_MIX,
  ENERGY_CLASS_BANDS,
  HOUSING_OWNERS,
  MUNICIPAL_BUILDINGS,
  SUPERVISED_BUILDINGS,
  type CategoryName,
  type Disc,
} from './reference';

/** Every arrondissement gets at least this many municipal buildings (its town hall, schools, a gymnasium...). */
const MIN_MUNICIPAL_PER_ARRONDISSEMENT = 20;

export interface GeneratedStock {
  buildings: Building[];
  meters: Meter[];
}

export function energyClassOf(intensityKwhPerM2: number): EnergyClass {
  const band = ENERGY_CLASS_BANDS.find(([, upperBound]) => intensityKwhPerM2 <= upperBound);
  return band ? EnergyClass[band[0]] : EnergyClass.G;
}

/** Municipal buildings per arrondissement, in proportion to the population (largest remainders), never below the minimum. */
export function municipalCounts(): Map<number, number> {
  const population = ARRONDISSEMENT_STOCK.reduce((sum, entry) => sum + entry.population, 0);
  const quotas = ARRONDISSEMENT_STOCK.map((entry) => ({
    code: entry.code,
    quota: (MUNICIPAL_BUILDINGS * entry.population) / population,
  }));
  const counts = new Map(
    quotas.map(({ code, quota }) => [code, Math.max(MIN_MUNICIPAL_PER_ARRONDISSEMENT, Math.floor(quota))]),
  );
  const total = () => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const byRemainder = [...quotas].sort(
    (a, b) => b.quota - (counts.get(b.code) as number) - (a.quota - (counts.get(a.code) as number)),
  );
  for (let index = 0; total() < MUNICIPAL_BUILDINGS; index = (index + 1) % byRemainder.length) {
    const { code } = byRemainder[index];
    counts.set(code, (counts.get(code) as number) + 1);
  }
  for (
    let index = byRemainder.length - 1;
    total() > MUNICIPAL_BUILDINGS;
    index = (index - 1 + byRemainder.length) % byRemainder.length
  ) {
    const { code } = byRemainder[index];
    if ((counts.get(code) as number) > MIN_MUNICIPAL_PER_ARRONDISSEMENT)
      counts.set(code, (counts.get(code) as number) - 1);
  }
  return counts;
}

/** "rue de la Roquette" -> "Roquette": how Paris names a gymnasium or a library after its street. */
function streetShortName(street: string): string {
  return street.replace(/^(rue|avenue|boulevard|quai|place)\s+(de la |de l'|des |du |de |d')?/i, '');
}

function townHallName(code: number): string {
  const ordinal = code === 1 ? '1er' : `${code}e`;
  if (code === 3) return 'Mairie de Paris Centre';
  // Since 2020 the 1st–4th share one town hall; the other three former town halls host services.
  if (code <= 4) return `Ancienne mairie du ${ordinal} arrondissement`;
  return `Mairie du ${ordinal} arrondissement`;
}

function pickSite(random: SeededRandom, sites: readonly Disc[]): { latitude: number; longitude: number } {
  const site = random.weighted(sites.map((disc) => [disc, disc.radiusMeters ** 2] as const));
  const point = random.pointNear(site.latitude, site.longitude, site.radiusMeters);
  return { latitude: Number(point.latitude.toFixed(6)), longitude: Number(point.longitude.toFixed(6)) };
}

function heatingSystemOf(
  random: SeededRandom,
  category: CategoryName,
  constructionYear: number,
  inEcoDistrict: boolean,
): HeatingSystem {
  if (inEcoDistrict) return random.chance(0.9) ? HeatingSystem.GEOTHERMAL_NETWORK : HeatingSystem.HEAT_PUMP;
  if (category === 'SWIMMING_POOL')
    return random.chance(0.6) ? HeatingSystem.DISTRICT_HEATING : HeatingSystem.GAS_BOILER;
  if (constructionYear >= 2012) {
    return random.weighted([
      [HeatingSystem.DISTRICT_HEATING, 0.45],
      [HeatingSystem.HEAT_PUMP, 0.35],
      [HeatingSystem.GAS_BOILER, 0.2],
    ]);
  }
  return random.weighted([
    [HeatingSystem.DISTRICT_HEATING, 0.45],
    [HeatingSystem.GAS_BOILER, 0.43],
    [HeatingSystem.ELECTRIC, 0.08],
    [HeatingSystem.HEAT_PUMP, 0.04],
  ]);
}

function ownerOf(random: SeededRandom, category: CategoryName, inEcoDistrict: boolean): string {
  if (category === 'HOUSING') return random.pick(HOUSING_OWNERS);
  if (inEcoDistrict && category === 'OFFICES') return 'Propriétaire privé';
  return 'Ville de Paris';
}

interface BuildingPlan {
  arrondissement: number;
  category: CategoryName;
  inEcoDistrict: boolean;
}

function generateBuilding(random: SeededRandom, id: string, plan: BuildingPlan): Building {
  const profile = CATEGORY_PROFILES[plan.category];
  const place = plan.inEcoDistrict ? ECO_DISTRICT : ARRONDISSEMENT_STOCK[plan.arrondissement - 1];
  const sites = plan.inEcoDistrict
    ? [ECO_DISTRICT.site]
    : ARRONDISSEMENT_STOCK[plan.arrondissement - 1].sites;
  const streetAddress = `${random.integer(1, 120)} ${random.pick(place.streets)}`;
  const street = streetAddress.replace(/^\d+ /, '');
  const name =
    plan.category === 'TOWN_HALL'
      ? townHallName(plan.arrondissement)
      : profile.namedByAddress
        ? `${profile.label} ${streetAddress}`
        : `${profile.label} ${streetShortName(street)}`;
  const era = plan.inEcoDistrict
    ? { from: 2012, to: 2021, intensityFactor: 0.5 }
    : random.weighted(CONSTRUCTION_ERAS);
  const constructionYear = random.integer(era.from, era.to);
  const heatingSystem = heatingSystemOf(random, plan.category, constructionYear, plan.inEcoDistrict);
  // Heat pumps deliver about three times the electricity they draw: less final energy for the same comfort.
  const systemFactor = heatingSystem === HeatingSystem.HEAT_PUMP ? 0.6 : 1;
  const drawn =
    profile.medianIntensity * era.intensityFactor * systemFactor * Math.exp(random.normal(0, 0.25));
  const intensity = Math.round(Math.max(25, drawn) * 10) / 10;
  const [smallest, largest] = profile.floorArea;
  const { latitude, longitude } = pickSite(random, sites);
  return Object.assign(new Building(), {
    id,
    name,
    category: BuildingCategory[plan.category],
    owner: ownerOf(random, plan.category, plan.inEcoDistrict),
    streetAddress,
    postalCode: `750${String(plan.arrondissement).padStart(2, '0')}`,
    arrondissementCode: plan.arrondissement,
    districtId: plan.inEcoDistrict ? ECO_DISTRICT.id : null,
    latitude,
    longitude,
    floorAreaM2: Math.round(Math.exp(random.between(Math.log(smallest), Math.log(largest)))),
    constructionYear,
    energyClass: energyClassOf(intensity),
    annualConsumptionKwhPerM2: intensity,
    heatingSystem,
    heatingSupervised: false,
    provenance: Provenance.GENERATED,
  });
}

/** The meters a building has: electricity and water always, plus the meter of its heating fuel. */
export function metersOf(building: Building): Meter[] {
  const kinds = [MeterKind.ELECTRICITY, MeterKind.WATER];
  if (
    building.heatingSystem === HeatingSystem.DISTRICT_HEATING ||
    building.heatingSystem === HeatingSystem.GEOTHERMAL_NETWORK
  ) {
    kinds.unshift(MeterKind.HEAT);
  }
  if (building.heatingSystem === HeatingSystem.GAS_BOILER) kinds.unshift(MeterKind.GAS);
  return kinds.map((kind) =>
    Object.assign(new Meter(), {
      id: `${building.id}-${kind}`,
      buildingId: building.id,
      kind,
      unit: unitOf(kind),
      provenance: Provenance.GENERATED,
    }),
  );
}

/**
 * The building stock, the same for a given seed whatever the scale: 1,560 municipal buildings
 * spread over the arrondissements by population (a town hall each), and 240 buildings of the
 * CoRDEES perimeter in Clichy-Batignolles. 1,500 of them, the CoRDEES ones included, have
 * supervised heating, as in the brochure.
 */
export function generateBuildingStock(seed: number): GeneratedStock {
  const random = new SeededRandom(seed, 'energy-buildings');
  const counts = municipalCounts();
  const municipalMix = (Object.keys(CATEGORY_PROFILES) as CategoryName[])
    .map((category) => [category, CATEGORY_PROFILES[category].municipalWeight] as const)
    .filter(([, weight]) => weight > 0);
  const buildings: Building[] = [];
  for (const { code } of ARRONDISSEMENT_STOCK) {
    const plans: BuildingPlan[] = [{ arrondissement: code, category: 'TOWN_HALL', inEcoDistrict: false }];
    for (let index = 1; index < (counts.get(code) as number); index += 1) {
      plans.push({ arrondissement: code, category: random.weighted(municipalMix), inEcoDistrict: false });
    }
    if (code === ECO_DISTRICT.arrondissement) {
      for (let index = 0; index < ECO_DISTRICT_BUILDINGS; index += 1) {
        plans.push({
          arrondissement: code,
          category: random.weighted(ECO_DISTRICT_MIX),
          inEcoDistrict: true,
        });
      }
    }
    if (plans.length < MIN_BUILDINGS_PER_ARRONDISSEMENT)
      throw new Error(`Too few buildings generated for arrondissement ${code}`);
    plans.forEach((plan, index) =>
      buildings.push(generateBuilding(random, buildingId(code, index + 1), plan)),
    );
  }

  // The CoRDEES smart grid supervises its whole perimeter; the City's programme covers the rest of the 1,500.
  const municipal = buildings.filter((building) => building.districtId === null);
  for (let index = municipal.length - 1; index > 0; index -= 1) {
    const other = random.integer(0, index);
    [municipal[index], municipal[other]] = [municipal[other], municipal[index]];
  }
  const supervisedMunicipal = new Set(
    municipal.slice(0, SUPERVISED_BUILDINGS - ECO_DISTRICT_BUILDINGS).map((building) => building.id),
  );
  for (const building of buildings) {
    building.heatingSupervised = building.districtId !== null || supervisedMunicipal.has(building.id);
  }
  return { buildings, meters: buildings.flatMap(metersOf) };
}
