import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A start-up selected by a challenge's jury: the many-to-many link behind `Challenge.startups`. */
@Entity({ name: 'challenge_selection' })
export class ChallengeSelection {
  @PrimaryColumn({ type: 'text' })
  challengeId: string;

  @PrimaryColumn({ type: 'text' })
  startupId: string;

  @Column({ type: 'date' })
  selectedOn: string;
}
