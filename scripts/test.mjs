#!/usr/bin/env node
// `npm test`: type checks, then every Jest project (unit, emulator, integration, browser).
// Prints one closing line "Tests: N passed, N failed" and exits non-zero on any failure.
// Extra arguments go to Jest (e.g. `npm test -- --selectProjects unit`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

const steps = [
  ['type check (app)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['type check (emulator)', bin('tsc'), ['-p', 'emulator/tsconfig.json']],
  ['manifest validation', process.execPath, ['scripts/validate-manifest.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n${name} failed.`);
    console.log('Tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'jest.json');
console.log('\n▶ jest');
const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
});

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
} catch {
  failed = 1;
}
if (jest.status !== 0 && failed === 0) failed = 1;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
