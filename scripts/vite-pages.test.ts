/** Development pages stay on the dev server: the build's inputs are every page of src/ except src/dev/. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEV_ONLY_DIR, pageInputs } from './vite-pages';

const srcDir = join(__dirname, '..', 'src');

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name));
}

describe('the pages vite build emits', () => {
  const inputs = Object.values(pageInputs(srcDir)).map((path) => relative(srcDir, path));

  test('the development compose page exists and is not built', () => {
    expect(existsSync(join(srcDir, DEV_ONLY_DIR, 'outlook.html'))).toBe(true);
    expect(inputs.filter((path) => path.startsWith(`${DEV_ONLY_DIR}/`))).toEqual([]);
  });

  test('every other page of src/ is built', () => {
    const pages = htmlPages(srcDir)
      .map((path) => relative(srcDir, path))
      .filter((path) => !path.startsWith(`${DEV_ONLY_DIR}/`));
    expect([...inputs].sort()).toEqual(pages.sort());
  });
});
