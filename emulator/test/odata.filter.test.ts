import { applyQuery, ODataError, parseQueryOptions, referencedPaths, type Resource } from '../src/odata';

const people: Resource[] = [
  { id: '1', displayName: 'Katrin Berger', jobTitle: 'Geschäftsführerin', age: 52, active: true, manager: null, hired: '2015-03-01T00:00:00Z', categories: ['Leitung', 'ISMS'], fields: { Status: 'Offen', Score: 3 } },
  { id: '2', displayName: 'Jonas Weber', jobTitle: 'ISB', age: 38, active: true, manager: '1', hired: '2019-07-15T08:30:00Z', categories: ['ISMS'], fields: { Status: 'Erledigt', Score: 5 } },
  { id: '3', displayName: "Anna O'Brien", jobTitle: 'Vertrieb', age: 29, active: false, manager: '1', hired: '2023-01-10T00:00:00Z', categories: [], fields: { Status: 'Offen', Score: 1 } },
  { id: '4', displayName: 'Thomas Schmidt', age: 47, active: true, hired: '2012-11-30T00:00:00Z', categories: ['Leitung'], fields: { Status: 'In Arbeit' } },
];

function ids(filter: string): string[] {
  const query = parseQueryOptions(new URLSearchParams({ $filter: filter }));
  return applyQuery(people, query, { requestUrl: 'http://localhost/v1.0/x', defaultPageSize: 100 }).value.map((r) => String(r.id));
}

describe('$filter', () => {
  it.each([
    ["displayName eq 'Jonas Weber'", ['2']],
    ["displayName eq 'jonas weber'", ['2']], // Graph's collation is case-insensitive
    ["displayName ne 'Jonas Weber'", ['1', '3', '4']],
    ['age gt 40', ['1', '4']],
    ['age ge 47', ['1', '4']],
    ['age lt 38', ['3']],
    ['age le 38', ['2', '3']],
    ['active eq false', ['3']],
    ['active eq 1', ['1', '2', '4']], // SharePoint booleans filter as 0/1 too
    ['manager eq null', ['1', '4']],
    ['manager ne null', ['2', '3']],
    ["displayName eq 'Anna O''Brien'", ['3']],
    ['hired ge 2019-01-01T00:00:00Z', ['2', '3']],
    ['hired lt 2015-03-01T00:00:01Z', ['1', '4']],
    ["startswith(displayName,'k')", ['1']],
    ["endswith(displayName,'Weber')", ['2']],
    ["contains(displayName,'o')", ['2', '3', '4']],
    ["categories/any(c:c eq 'Leitung')", ['1', '4']],
    ["categories/all(c:c eq 'ISMS')", ['2', '3']],
    ['categories/any()', ['1', '2', '4']],
    ["fields/Status eq 'Offen'", ['1', '3']],
    ['fields/Score ge 3', ['1', '2']],
    ["fields/Status eq 'Offen' and active eq true", ['1']],
    ["fields/Status eq 'Erledigt' or age lt 30", ['2', '3']],
    ["not (fields/Status eq 'Offen')", ['2', '4']],
    ["(age gt 30 and age lt 50) or displayName eq 'Anna O''Brien'", ['2', '3', '4']],
    ["id in ('1','3')", ['1', '3']],
    ["jobTitle eq 'Geschäftsführerin'", ['1']],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('binds "and" tighter than "or"', () => {
    expect(ids("id eq '1' or id eq '2' and active eq false")).toEqual(['1']);
  });

  it.each([
    ["displayName eq 'unterminated"],
    ['age gt'],
    ['age gt 3)'],
    ['(age gt 3'],
    ["frobnicate(displayName,'x')"],
    ["startswith(displayName)"],
    ['age ~ 3'],
  ])('rejects %s with a Graph-shaped 400', (filter) => {
    let caught: unknown;
    try {
      ids(filter);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ODataError);
    expect((caught as ODataError).status).toBe(400);
    expect((caught as ODataError).code).toBe('BadRequest');
    expect((caught as ODataError).message).toMatch(/filter|function/i);
  });

  it('uses the error code the route asks for', () => {
    expect(() => parseQueryOptions(new URLSearchParams({ $filter: 'a eq' }), { errorCode: 'invalidRequest' })).toThrow(
      expect.objectContaining({ code: 'invalidRequest', status: 400 }),
    );
  });

  it('lists the property paths a filter reads, resolving lambda variables', () => {
    const query = parseQueryOptions(new URLSearchParams({ $filter: "fields/Status eq 'x' and categories/any(c:c/name eq 'y')" }));
    expect(referencedPaths(query.filter!)).toEqual([['fields', 'Status'], ['categories'], ['categories', 'name']]);
  });
});
