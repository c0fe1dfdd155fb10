/** Office.js callback APIs as promises, with the Office error kept as the cause. */

export class OfficeCallError extends Error {
  override readonly name = 'OfficeCallError';
  constructor(
    readonly operation: string,
    readonly officeError: { name?: string; message?: string; code?: number } | undefined,
  ) {
    super(`Outlook refused ${operation}: ${officeError?.message ?? 'unknown error'} (${officeError?.name ?? 'no name'}, code ${officeError?.code ?? '?'})`);
  }
}

export function officeCall<T>(operation: string, start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if ((result.status as unknown as string) === 'failed') reject(new OfficeCallError(operation, result.error));
      else resolve(result.value);
    });
  });
}
