import { AsyncLocalStorage } from 'node:async_hooks';
import { Client, type ClientConfig } from 'pg';
import { logger } from './logger';
import { endsTransaction } from './observability/statement-timeout';

/** The HTTP request a query runs for: its abort signal, and when its statements must be over. */
interface RequestBinding {
  signal: AbortSignal;
  /** performance.now() time: the statement_timeout of each statement is what remains until then. */
  deadline?: number;
}

/** Set by the subgraph server around each GraphQL request. */
const requestBinding = new AsyncLocalStorage<RequestBinding>();

/**
 * Runs `work` for a request: a statement it has running when `signal` aborts is cancelled, and
 * none outlives `deadline` (the operation's timeout, as the gateway forwards it).
 */
export function runForRequest<T>(signal: AbortSignal, work: () => T, deadline?: number): T {
  return requestBinding.run({ signal, deadline }, work);
}

/**
 * How much longer than what remains of its request's budget a session's statement_timeout may be
 * (a share of the remainder). It bounds only a statement whose cancellation was lost: the
 * request's own end still cancels it on time, and no statement is ever cut before its budget.
 */
const TIMEOUT_SLACK = 0.1;

/** What PostgreSQL answers a cancelled statement: the callers already handle it. */
class AbandonedStatementError extends Error {
  readonly code = '57014';
  constructor() {
    super('canceling statement: its request was abandoned');
  }
}

/** A statement opening a transaction, as TypeORM and hand-written code send it, without parameters. */
const OPENS_TRANSACTION = /^\s*(START\s+TRANSACTION|BEGIN)\b[^;]*$/i;

/** The transaction ends with it: COMMIT, END or ROLLBACK (not ROLLBACK TO a savepoint). */
const CLOSES_TRANSACTION = /^\s*(COMMIT|END|ROLLBACK(?!\s+TO\b))\b/i;

function statementText(statement: unknown): unknown {
  return typeof statement === 'object' && statement !== null
    ? (statement as { text?: unknown }).text
    : statement;
}

/**
 * The pool's connection class: when the request a statement runs for is given up (the gateway
 * timed out and closed it), the statement is cancelled with pg_cancel_backend, so PostgreSQL stops
 * working for nobody; a statement that would start after that is refused (a ROLLBACK still runs).
 * A request's statements run with statement_timeout set to what remains of its operation's budget,
 * so PostgreSQL ends them itself even if the cancellation is lost; the session gets its default
 * back before a statement outside any request. A session keeps the timeout it holds while that is
 * no shorter than what remains and at most TIMEOUT_SLACK longer: a SET is a statement and a round
 * trip, and requests following one another differ only by their queueing, so without that
 * every statement of a one-row lookup would be preceded by its own SET. A transaction opened for a
 * request takes its timeout as `SET LOCAL` in the same round trip as its START TRANSACTION, and
 * gives it back at COMMIT: the write of a sensor's report then needs no SET before it, and the
 * event reader that runs next on the connection no SET DEFAULT either (two round trips of twelve).
 */
export class RequestBoundClient extends Client {
  /** The statement_timeout this session holds, in ms; undefined for the server's default. */
  private timeoutMs?: number;
  /** Inside a transaction whose timeout is `SET LOCAL`: the one in force until it ends. */
  private localTimeoutMs?: number;

  constructor(private readonly settings: ClientConfig) {
    super(settings);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const setting = (value: string, local = false) =>
      (query(`SET ${local ? 'LOCAL ' : ''}statement_timeout = ${value}`) as Promise<unknown>).then(
        () => undefined,
        () => undefined,
      );
    this.query = ((...args: unknown[]) => {
      const binding = requestBinding.getStore();
      const callback = args[args.length - 1];
      if (binding?.signal.aborted && !endsTransaction(statementText(args[0]))) {
        if (typeof callback === 'function') return void callback(new AbandonedStatementError());
        return Promise.reject(new AbandonedStatementError());
      }
      // Streams (exports) and callbacks never run for a request: only promised statements are timed.
      const promised =
        typeof callback !== 'function' && typeof (args[0] as { submit?: unknown }).submit !== 'function';
      const text = statementText(args[0]);
      // The end of a transaction needs no timeout of its own, and takes a local one with it.
      const closing = typeof text === 'string' && CLOSES_TRANSACTION.test(text);
      if (closing) this.localTimeoutMs = undefined;
      const timing = promised && !closing;
      let timed: Promise<void> | undefined;
      if (timing && binding?.deadline !== undefined) {
        const remaining = Math.max(1, Math.ceil(binding.deadline - performance.now()));
        const held = this.localTimeoutMs ?? this.timeoutMs;
        if (held === undefined || held < remaining || held > remaining * (1 + TIMEOUT_SLACK)) {
          // Halfway into the slack: requests a little later or a little earlier keep it too.
          const timeout = Math.ceil(remaining * (1 + TIMEOUT_SLACK / 2));
          if (
            typeof args[0] === 'string' &&
            OPENS_TRANSACTION.test(args[0]) &&
            !(args[1] as unknown[])?.length
          ) {
            // One simple query of two statements: its result is the START TRANSACTION's.
            this.localTimeoutMs = timeout;
            const opened = query(`${args[0]}; SET LOCAL statement_timeout = ${timeout}`) as Promise<unknown>;
            return this.cancelledWith(
              binding,
              opened.then((results) => (results as unknown[])[0]),
            );
          }
          if (this.localTimeoutMs !== undefined) {
            this.localTimeoutMs = timeout;
            timed = setting(String(timeout), true);
          } else {
            this.timeoutMs = timeout;
            timed = setting(String(timeout));
          }
        }
      } else if (timing && !binding?.deadline && this.timeoutMs !== undefined) {
        this.timeoutMs = undefined;
        timed = setting('DEFAULT');
      }
      const result = timed ? timed.then(() => query(...args)) : query(...args);
      if (!binding || !(result instanceof Promise)) return result;
      return this.cancelledWith(binding, result);
    }) as Client['query'];
  }

  /** The statement is cancelled in PostgreSQL if its request is abandoned while it runs. */
  private cancelledWith<T>(binding: RequestBinding, result: Promise<T>): Promise<T> {
    const { signal } = binding;
    const cancel = () => void this.cancelStatement();
    signal.addEventListener('abort', cancel, { once: true });
    return result.finally(() => signal.removeEventListener('abort', cancel));
  }

  private async cancelStatement(): Promise<void> {
    // The backend's pid, which pg keeps from the server's BackendKeyData but does not type.
    const { processID } = this as unknown as { processID: number };
    const admin = new Client({ ...this.settings, application_name: 'ocg-cancel' });
    try {
      await admin.connect();
      await admin.query('SELECT pg_cancel_backend($1)', [processID]);
    } catch (error) {
      logger.warn({ err: error }, 'could not cancel the statement of an abandoned request');
    } finally {
      await admin.end().catch(() => undefined);
    }
  }
}
