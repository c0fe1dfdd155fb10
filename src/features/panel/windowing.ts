/**
 * Row windowing for the evidence grid: only the rows in view (plus a margin) are rendered, so
 * scrolling stays smooth with 10,000 items.
 */
export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row + 1. */
  end: number;
  /** Space above and below the rendered rows, in pixels. */
  padTop: number;
  padBottom: number;
}

export function rowWindow(options: { count: number; rowHeight: number; scrollTop: number; viewportHeight: number; overscan?: number }): RowWindow {
  const { count, rowHeight } = options;
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const overscan = options.overscan ?? 8;
  const first = Math.floor(Math.max(0, options.scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, options.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first - overscan));
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}
