/**
 * Hive Gateway as The Guild's graphql-gateways-benchmark configures it (its gateway.config.ts):
 * JIT-compiled execution and inbound in-flight deduplication, which lets identical concurrent
 * requests share one execution. Loaded by the `hive-gateway` CLI with `-c`; untyped on purpose:
 * Hive's type declarations bring DOM stream types that break the project's Node ones.
 */
export const gatewayConfig = {
  jit: true,
  inboundInflightRequestDeduplication: true,
};
