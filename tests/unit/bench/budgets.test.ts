import { describe, expect, test } from 'vitest';
import { checkBudgets, type Budget } from '../../../tools/bench/budgets.ts';

describe('benchmark budgets', () => {
  const budgets: Budget[] = [
    { figure: 'build.seconds', max: 150, atArticles: 10000, reason: 'time' },
    { figure: 'build.seconds', timesRunOf: { articles: 10000, max: 12 }, atArticles: 100000, reason: 'linear' },
    { figure: 'incremental.fractionOfCold', max: 0.3, atArticles: 10000, reason: 'incremental' },
  ];

  test('a budget applies only at its corpus size; a missing figure fails', () => {
    const results = checkBudgets({ articles: 10000, build: { seconds: 120 } } as never, budgets);
    expect(results.map((result) => [result.figure, result.ok])).toEqual([
      ['build.seconds', true],
      ['incremental.fractionOfCold', false],
    ]);
  });

  test('a figure can be bounded by a multiple of the same figure of an earlier, smaller run', () => {
    const earlier = (articles: number) => (articles === 10000 ? { build: { seconds: 100 } } : undefined);
    expect(checkBudgets({ articles: 100000, build: { seconds: 1150 } } as never, budgets, earlier)[0]!.ok).toBe(true);
    expect(checkBudgets({ articles: 100000, build: { seconds: 1250 } } as never, budgets, earlier)[0]!.ok).toBe(false);
    // Without the earlier run there is nothing to compare with: the budget fails rather than passes.
    expect(checkBudgets({ articles: 100000, build: { seconds: 10 } } as never, budgets)[0]!.ok).toBe(false);
  });
});
