import { planBatchChunks } from './batchPlan';

const ids = (count: number, prefix = '') => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}` }));

describe('planBatchChunks', () => {
  it('cuts independent requests into chunks of 20 in the caller’s order', () => {
    const chunks = planBatchChunks(ids(45));
    expect(chunks.map((c) => c.length)).toEqual([20, 20, 5]);
    expect(chunks[2]).toEqual(['41', '42', '43', '44', '45']);
  });

  it('puts a dependency before its dependent, whatever order the caller used', () => {
    expect(planBatchChunks([{ id: 'b', dependsOn: ['a'] }, { id: 'a' }])).toEqual([['a', 'b']]);
  });

  it('never splits a chain across chunks', () => {
    const chain = Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, dependsOn: i === 0 ? [] : [`c${i - 1}`] }));
    const chunks = planBatchChunks([...ids(18), ...chain]);
    expect(chunks.map((c) => c.length)).toEqual([18, 5]);
    expect(chunks[1]).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('refuses a chain longer than one batch', () => {
    const chain = Array.from({ length: 21 }, (_, i) => ({ id: `c${i}`, dependsOn: i === 0 ? [] : [`c${i - 1}`] }));
    expect(() => planBatchChunks(chain)).toThrow('21 batch requests are chained by dependsOn');
  });

  it('refuses duplicate ids and cycles', () => {
    expect(() => planBatchChunks([{ id: 'a' }, { id: 'a' }])).toThrow('Batch request id "a" is used more than once.');
    expect(() =>
      planBatchChunks([
        { id: 'a', dependsOn: ['b'] },
        { id: 'b', dependsOn: ['a'] },
      ]),
    ).toThrow('cycle: a → b → a');
  });
});
