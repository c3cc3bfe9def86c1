import autocannon from 'autocannon';
import { IDENTICAL_BODY, TEST_QUERY, uniqueBody } from './query';
import { judgeAnswer, referenceAnswer, type AnswerVerdict } from './reference';

export interface LoadSettings {
  url: string;
  connections: number;
  seconds: number;
  /** Every request carries its own unused variable (defeats in-flight deduplication). */
  unique: boolean;
  timeoutSeconds: number;
}

export interface LoadFigures {
  seconds: number;
  /** Answers received, judged against the reference. */
  verdicts: Record<AnswerVerdict, number>;
  /** Requests sent, answered or not: those still in flight at the end also made subgraph fetches. */
  sent: number;
  /** Connection errors and timeouts, which bring no answer to judge. */
  socketErrors: number;
  p50Ms: number;
  p99Ms: number;
  /** The first answer that was not `ok`, shortened, to say why. */
  firstFailure: string | null;
}

/** What the load generator reports over IPC: that the load starts, then its figures. */
export type LoadMessage = { started: true } | { figures: LoadFigures };

/**
 * The load generator's process (pinned beside the subgraphs, away from the gateway): autocannon
 * keeps `connections` requests in flight for `seconds`, every answer is judged against the
 * reference, and the figures go back to the benchmark over IPC.
 */
async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]) as LoadSettings;
  const reference = await referenceAnswer(TEST_QUERY);
  const verdicts: Record<AnswerVerdict, number> = { ok: 0, non200: 0, errors: 0, mismatch: 0, unparsable: 0 };
  let firstFailure: string | null = null;
  let nonce = 0;
  const report = (message: LoadMessage, then: () => void = () => {}) => process.send?.(message, then);
  report({ started: true });
  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: settings.seconds,
    timeout: settings.timeoutSeconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: IDENTICAL_BODY,
        ...(settings.unique
          ? {
              setupRequest: (request) => ({ ...request, body: uniqueBody(`${process.pid}-${(nonce += 1)}`) }),
            }
          : {}),
        onResponse: (status, body) => {
          const verdict = judgeAnswer(status, body, reference);
          verdicts[verdict] += 1;
          if (verdict !== 'ok') firstFailure ??= `${verdict}: HTTP ${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const figures: LoadFigures = {
    seconds: result.duration,
    verdicts,
    sent: result.requests.sent,
    socketErrors: result.errors,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    firstFailure,
  };
  report({ figures }, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
