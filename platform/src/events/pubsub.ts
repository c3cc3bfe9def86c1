import type { PubSub } from 'type-graphql';

/**
 * type-graphql wants a PubSub as soon as a schema has a subscription, even when every
 * subscription brings its own `subscribe` — ours read the durable event log (subscribeToEvents)
 * and writers append to it (appendEvent). Topic-based subscriptions would bypass the log, so
 * they are refused.
 */
export const eventLogPubSub: PubSub = {
  publish(topic) {
    throw new Error(
      `pubSub.publish(${topic}): append to the event log with appendEvent in the change's transaction`,
    );
  },
  subscribe(topic) {
    throw new Error(
      `@Subscription topic ${topic}: give the subscription a subscribe built with subscribeToEvents`,
    );
  },
};
