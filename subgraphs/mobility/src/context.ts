import type { BaseContext } from '#platform/context';

/**
 * The mobility subgraph needs nothing beyond the shared request context: its loaders live in each
 * module's `*.loader.ts`, its privacy rules in `privacy.ts` and each module's `*.privacy.ts`.
 */
export type MobilityContext = BaseContext;
