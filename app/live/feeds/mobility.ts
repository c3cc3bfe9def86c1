import { clientId, type Feed, type FeedContext } from './feed';

interface PeopleAnswer {
  beneficiaries: { edges: { node: { id: string } }[] };
  volunteers: { edges: { node: { id: string } }[] };
}

const PEOPLE = `query ($arrondissement: Int!) {
  beneficiaries(first: 5, filter: { arrondissement: $arrondissement }) { edges { node { id } } }
  volunteers(first: 5, filter: { arrondissement: $arrondissement, active: true }) { edges { node { id } } } }`;
const REQUEST = `mutation ($input: RequestAccompanimentInput!) { requestAccompaniment(input: $input) { id } }`;
const ACCEPT = `mutation ($id: ID!, $volunteerId: ID) { acceptAccompanimentRequest(id: $id, volunteerId: $volunteerId) { id } }`;
const START = `mutation ($id: ID!) { startMission(id: $id) { id } }`;
const COMPLETE = `mutation ($id: ID!) { completeMission(id: $id) { id } }`;
const CANCEL = `mutation ($input: CancelAccompanimentRequestInput!) { cancelAccompanimentRequest(input: $input) { id } }`;

/** What Paris en Compagnie's callers ask for most: appointments, errands and walks. */
const PURPOSES = [
  ['MEDICAL_APPOINTMENT', 35],
  ['SHOPPING', 25],
  ['WALK', 20],
  ['ADMINISTRATIVE', 8],
  ['CULTURE', 6],
  ['SOCIAL_ACTIVITY', 5],
  ['OTHER', 1],
] as const;

type Stage = 'OPEN' | 'ACCEPTED' | 'IN_PROGRESS';

/** A request the simulator opened and moves along its lifecycle, one step at a time. */
interface Tracked {
  id: string;
  stage: Stage;
  missionId?: string;
}

const DAY_MS = 86_400_000;

/**
 * The Paris en Compagnie phone line: now and then a beneficiary asks to be accompanied, and the
 * requests already open move on (a volunteer accepts, meets the person, brings them home) or are
 * cancelled, so both `accompanimentRequestOpened` and `accompanimentRequestChanged` see traffic.
 */
export class MobilityFeed implements Feed {
  readonly name = 'mobility';
  private beneficiaries: string[] = [];
  private volunteers: string[] = [];
  private tracked: Tracked[] = [];
  private sequence = 0;

  constructor(
    private readonly context: FeedContext,
    private readonly options: { requestChance: number },
  ) {}

  async discover(): Promise<boolean> {
    this.beneficiaries = [];
    this.volunteers = [];
    for (const arrondissement of this.context.arrondissements) {
      const people = await this.context.client.request<PeopleAnswer>(PEOPLE, { arrondissement });
      this.beneficiaries.push(...people.beneficiaries.edges.map(({ node }) => node.id));
      this.volunteers.push(...people.volunteers.edges.map(({ node }) => node.id));
    }
    return this.beneficiaries.length > 0;
  }

  async tick(now: Date): Promise<void> {
    const { random, client } = this.context;
    if (random.chance(this.options.requestChance)) {
      this.sequence += 1;
      const { requestAccompaniment } = await client.request<{ requestAccompaniment: { id: string } }>(
        REQUEST,
        {
          input: {
            clientRequestId: clientId(this.context, 'request', this.sequence),
            beneficiaryId: random.pick(this.beneficiaries),
            purpose: random.weighted(PURPOSES),
            requestedFor: new Date(now.getTime() + random.between(0.5, 14) * DAY_MS).toISOString(),
            durationMinutes: random.pick([60, 90, 90, 120, 180]),
          },
        },
      );
      this.tracked.push({ id: requestAccompaniment.id, stage: 'OPEN' });
      this.context.count('requestAccompaniment');
    }
    // One step for one of the requests in flight, so changes trickle in as they do on the line.
    const current = this.tracked.length > 0 && random.chance(0.5) ? random.pick(this.tracked) : undefined;
    if (!current) return;
    try {
      await this.advance(current);
    } catch (error) {
      // A request someone else moved (an operator cancelled it…) is no longer ours to drive.
      this.forget(current);
      throw error;
    }
  }

  private async advance(request: Tracked): Promise<void> {
    const { random, client } = this.context;
    if (request.stage === 'OPEN' && (this.volunteers.length === 0 || random.chance(0.1))) {
      await client.request(CANCEL, { input: { id: request.id, reason: 'NO_VOLUNTEER_AVAILABLE' } });
      this.forget(request);
      this.context.count('cancelAccompanimentRequest');
    } else if (request.stage === 'OPEN') {
      const { acceptAccompanimentRequest } = await client.request<{
        acceptAccompanimentRequest: { id: string };
      }>(ACCEPT, { id: request.id, volunteerId: random.pick(this.volunteers) });
      request.missionId = acceptAccompanimentRequest.id;
      request.stage = 'ACCEPTED';
      this.context.count('acceptAccompanimentRequest');
    } else if (request.stage === 'ACCEPTED') {
      await client.request(START, { id: request.missionId });
      request.stage = 'IN_PROGRESS';
      this.context.count('startMission');
    } else {
      await client.request(COMPLETE, { id: request.missionId });
      this.forget(request);
      this.context.count('completeMission');
    }
  }

  private forget(request: Tracked): void {
    this.tracked = this.tracked.filter((tracked) => tracked !== request);
  }
}
