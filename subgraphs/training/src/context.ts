import type { BaseContext } from '#platform/context';

/**
 * The training subgraph needs nothing beyond the shared request context: its loaders live in
 * each module's `*.loader.ts` and are created per request in `context.loaders`.
 */
export type TrainingContext = BaseContext;
