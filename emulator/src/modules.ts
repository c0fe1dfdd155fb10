/**
 * Finds the route modules: every folder `routes/<name>/` with an `index.ts` exporting
 * `emulatorModule`. Discovery (rather than a hand-kept list) lets modules be added without
 * touching the core. Folders load in name order; seeds run by `seedOrder`, then name.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorModule } from './module';

const ROUTES_DIR = join(__dirname, 'routes');

function isEmulatorModule(value: unknown): value is EmulatorModule {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.register === 'function';
}

export async function loadModules(routesDir: string = ROUTES_DIR): Promise<EmulatorModule[]> {
  const folders = readdirSync(routesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const modules: EmulatorModule[] = [];
  for (const folder of folders) {
    const entry = ['index.ts', 'index.js'].map((f) => join(routesDir, folder, f)).find((f) => existsSync(f));
    if (!entry) continue;
    const loaded = (await import(entry)) as Record<string, unknown>;
    const candidate = loaded.emulatorModule ?? (loaded.default as Record<string, unknown> | undefined)?.emulatorModule;
    if (!isEmulatorModule(candidate)) {
      throw new Error(`${entry} must export "emulatorModule" (an EmulatorModule with name and register()).`);
    }
    modules.push(candidate);
  }
  return modules;
}

export function seedSequence(modules: readonly EmulatorModule[]): EmulatorModule[] {
  return [...modules].sort((a, b) => (a.seedOrder ?? 100) - (b.seedOrder ?? 100) || a.name.localeCompare(b.name));
}
