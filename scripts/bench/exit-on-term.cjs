// Preloaded (node --require) into profiled benchmark processes: exit normally on SIGTERM, so that
// `--cpu-prof` writes its profile (a process ended by a re-raised signal, as Nest's shutdown hooks do, writes none).
process.once('SIGTERM', () => process.exit(0));
