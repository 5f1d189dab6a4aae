// The bench's command line lives in tools/bench/cli.ts; this path is kept for harnesses outside the
// project (../shared/perf-vs-starlight) that run it by its former name.
import '../tools/bench/cli.ts';
