// Preloaded (node --require) into the export-binder child of bench/tenYears.ts: writes the
// process's peak resident set size (kB) to BENCH_MAXRSS_FILE at exit. On Linux that is VmHWM of
// /proc/self/status: process.resourceUsage().maxRSS would also count the parent's pages, because
// Linux carries the forked copy's high-water mark across execve. Elsewhere maxRSS.
const { readFileSync, writeFileSync } = require('node:fs');

function peakKb() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  if (process.env.BENCH_MAXRSS_FILE) writeFileSync(process.env.BENCH_MAXRSS_FILE, String(peakKb()));
});
