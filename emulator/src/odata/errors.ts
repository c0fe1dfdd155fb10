/**
 * The error every OData parse or evaluation problem becomes. Routes (and the core's error
 * writer) turn it into Graph's error body: status 400, `error.code`, `error.message`.
 *
 * `code` defaults to Graph's generic `BadRequest`; SharePoint routes pass `invalidRequest`
 * through `ODataOptions.errorCode` because that is what Graph answers for list items.
 */
export class ODataError extends Error {
  override readonly name = 'ODataError';
  readonly status: number;
  readonly code: string;

  constructor(code: string, message: string, status = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export function isODataError(value: unknown): value is ODataError {
  return value instanceof ODataError;
}
