// The Node flags the server runs with (`npm start`, the benchmarks; use them in production too):
// --max-semi-space-size=64 — V8's young generation at 64 MB per semi-space instead of 16. A server answering a
// hundred requests at once allocates fast, and with small semi-spaces the objects of requests still in flight
// survive two scavenges and are promoted, which then costs full collections: measured with
// scripts/bench/activity-list.mjs, garbage collection was a fifth of the list's CPU and the list answered
// ~40 % more per second with this flag (the raw ceiling gets the same flags there). It costs up to ~100 MB more
// memory per process at peak.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];
