/** Links between sections of the Teams tab that keep the page's other parameters (e.g. `?emulator=`). */
export function sectionHref(view: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  for (const key of ['view', 'upload', 'item']) params.delete(key);
  params.set('view', view);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}

/** A query parameter of the current page. */
export function pageParam(name: string): string | null {
  return typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(name);
}
