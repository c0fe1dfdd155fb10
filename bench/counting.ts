/** A fetch that counts the HTTP requests going through it (what a client actually sends). */
export interface CountingFetch {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  count(): number;
  reset(): void;
}

export function countingFetch(): CountingFetch {
  let requests = 0;
  return {
    fetch: (input, init) => {
      requests += 1;
      return globalThis.fetch(input, init);
    },
    count: () => requests,
    reset: () => {
      requests = 0;
    },
  };
}
