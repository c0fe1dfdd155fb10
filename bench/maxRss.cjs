// Preloaded (node --require) into the export-binder child of bench/tenYears.ts: writes the
// process's peak resident set size (kB, process.resourceUsage().maxRSS) to BENCH_MAXRSS_FILE at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_MAXRSS_FILE) writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
