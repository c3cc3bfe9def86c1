import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { arrondissementsOfPostalCode, Provenance } from '#platform/city';
import { ImportError } from '#platform/ingestion';
import { BudgetProject, BudgetProjectProgress, BudgetScale } from '#budget/modules/project/project.entity';
import { renovatedBuildingId } from './buildings';
import { townHallAt } from './town-halls';

export const PROJECTS_FILE = 'bp_projets_gagnants.csv';

/** The Opendatasoft export's field labels (its header row), which the importer reads by name. */
const COLUMN = {
  id: 'Identifiant du projet lauréat',
  submittedIdeaUrl: 'Lien URL vers le projet soumis au vote',
  projectUrl: 'Lien URL vers le projet lauréat',
  edition: 'Edition',
  title: 'Titre du projet lauréat',
  theme: 'Thématique',
  leadDepartment: 'Direction pilote du projet lauréat',
  budget: 'Budget global du projet lauréat',
  scale: 'Echelle du Budget participatif',
  address: 'Adresse du projet lauréat',
  arrondissement: 'Arrondissement du projet lauréat',
  workingClass: 'Projet en Quartier populaire',
  progress: 'Avancement du projet',
  studiesStart: 'Date de début des études du projet',
  proceduresStart: 'Date de lancement des procédures du projet',
  worksStart: 'Date de lancement des travaux du projet',
  plannedDelivery: 'Date prévisonnelle de livraison du projet',
  openedToPublic: "Date d'ouverture du projet au public",
} as const;

type ColumnKey = keyof typeof COLUMN;

/** "Avancement du projet" labels, compared without accents, case or parentheses. */
const PROGRESS: Record<string, BudgetProjectProgress> = {
  'NON DEMARRE': BudgetProjectProgress.NOT_STARTED,
  ETUDES: BudgetProjectProgress.STUDIES,
  PROCEDURES: BudgetProjectProgress.PROCEDURES,
  TRAVAUX: BudgetProjectProgress.WORKS,
  LIVRAISON: BudgetProjectProgress.DELIVERY,
  FIN: BudgetProjectProgress.COMPLETED,
  ABANDONNE: BudgetProjectProgress.ABANDONED,
};

function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[()]/g, '')
    .trim()
    .toUpperCase();
}

/** One CSV record, read by column label; every problem names the row and the column. */
class ProjectRecord {
  constructor(
    private readonly row: number,
    private readonly fields: string[],
    private readonly positions: Map<ColumnKey, number>,
  ) {}

  fail(key: ColumnKey, problem: string): never {
    throw new ImportError(PROJECTS_FILE, this.row, COLUMN[key], problem);
  }

  optional(key: ColumnKey): string | null {
    const value = (this.fields[this.positions.get(key) as number] ?? '').trim();
    return value === '' ? null : value;
  }

  required(key: ColumnKey): string {
    return this.optional(key) ?? this.fail(key, 'is empty');
  }

  integer(key: ColumnKey, min: number, max: number): number {
    const text = this.required(key);
    const value = /^\d+(\.0+)?$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.fail(key, `expected a whole number from ${min} to ${max}, found ${JSON.stringify(text)}`);
    }
    return value;
  }

  yearMonth(key: ColumnKey): string | null {
    const text = this.optional(key);
    if (text !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(text))
      this.fail(key, `expected "YYYY-MM", found ${JSON.stringify(text)}`);
    return text;
  }
}

function toProject(record: ProjectRecord, seed: number): BudgetProject {
  const id = record.integer('id', 1, 2_147_483_647);
  const postalCode = record.required('arrondissement');
  const arrondissementCodes = arrondissementsOfPostalCode(postalCode);
  if (arrondissementCodes.length === 0)
    record.fail('arrondissement', `${JSON.stringify(postalCode)} is not a Paris code`);
  const scaleLabel = plain(record.required('scale'));
  const scale = scaleLabel.endsWith('PARISIEN')
    ? BudgetScale.PARIS_WIDE
    : scaleLabel.endsWith('ARRONDISSEMENT')
      ? BudgetScale.ARRONDISSEMENT
      : record.fail('scale', `unknown scale ${JSON.stringify(record.optional('scale'))}`);
  const workingClassLabel = plain(record.required('workingClass'));
  if (workingClassLabel !== 'OUI' && workingClassLabel !== 'NON')
    record.fail('workingClass', 'expected "Oui" or "Non"');
  const progressLabel = record.required('progress');
  const progress =
    PROGRESS[plain(progressLabel)] ??
    record.fail('progress', `unknown stage ${JSON.stringify(progressLabel)}`);
  const title = record.optional('title');
  const address = record.optional('address');
  const townHall = townHallAt(address, arrondissementCodes);
  return Object.assign(new BudgetProject(), {
    id,
    edition: record.integer('edition', 2014, 2100),
    title,
    theme: record.required('theme'),
    leadDepartment: record.optional('leadDepartment'),
    budgetEuros: record.integer('budget', 0, 2_000_000_000),
    scale,
    address,
    postalCode,
    arrondissementCodes,
    workingClassNeighbourhood: workingClassLabel === 'OUI',
    progress,
    studiesStart: record.yearMonth('studiesStart'),
    proceduresStart: record.yearMonth('proceduresStart'),
    worksStart: record.yearMonth('worksStart'),
    plannedDelivery: record.yearMonth('plannedDelivery'),
    openedToPublic: record.yearMonth('openedToPublic'),
    submittedIdeaUrl: record.optional('submittedIdeaUrl'),
    projectUrl: record.optional('projectUrl'),
    latitude: townHall?.latitude ?? null,
    longitude: townHall?.longitude ?? null,
    buildingId: renovatedBuildingId(seed, id, title, arrondissementCodes, scale === BudgetScale.PARIS_WIDE),
    provenance: Provenance.OPEN_DATA,
  });
}

/**
 * Reads the Opendatasoft CSV export of the winning projects (`;`, UTF-8 with BOM, field labels as
 * header). Every row is checked before anything is written; rows are numbered from 1 after the
 * header. `seed` only drives the generated building links.
 */
export async function readBudgetProjects(
  directory: string,
  seed: number,
): Promise<{ rows: BudgetProject[]; checksum: string }> {
  const text = await readFile(path.join(directory, PROJECTS_FILE), 'utf8');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const header = (parse(text.split('\n', 1)[0], { delimiter: ';', bom: true }) as string[][])[0] ?? [];
    const context = error as CsvError & { records?: number; column?: number };
    throw new ImportError(
      PROJECTS_FILE,
      context.records ?? 0,
      header[context.column ?? -1] ?? '(record)',
      error.message,
    );
  }
  const [header = [], ...body] = records;
  const labels = header.map((label) => label.trim());
  const positions = new Map<ColumnKey, number>();
  for (const [key, label] of Object.entries(COLUMN) as [ColumnKey, string][]) {
    const position = labels.indexOf(label);
    if (position < 0) throw new ImportError(PROJECTS_FILE, 0, label, 'the header has no such column');
    positions.set(key, position);
  }
  const rows = body.map((fields, index) => {
    const row = index + 1;
    if (fields.length < labels.length) {
      throw new ImportError(
        PROJECTS_FILE,
        row,
        labels[fields.length],
        `the row ends early (${fields.length} of ${labels.length} fields)`,
      );
    }
    return toProject(new ProjectRecord(row, fields, positions), seed);
  });
  const seen = new Map<number, number>();
  rows.forEach((project, index) => {
    const previous = seen.get(project.id);
    if (previous !== undefined) {
      throw new ImportError(
        PROJECTS_FILE,
        index + 1,
        COLUMN.id,
        `project ${project.id} already appears on row ${previous}`,
      );
    }
    seen.set(project.id, index + 1);
  });
  return { rows, checksum: createHash('sha256').update(text).digest('hex') };
}
