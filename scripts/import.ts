// The importer's command line lives in tools/import/cli.ts; this path is kept for harnesses outside the
// project (../shared/perf-vs-starlight) that run it by its former name.
import '../tools/import/cli.ts';
