/**
 * Budgets are limits on named figures of a benchmark report. A budget with
 * `atArticles` applies only to a run of that corpus size (the build-time and
 * search budgets are stated for 10,000 articles).
 */
export interface Budget {
  /** Dotted path into the report, e.g. "articlePage.fontBytes". */
  figure: string;
  max?: number;
  min?: number;
  equals?: boolean | number | string;
  atArticles?: number;
  /** At most `max` times the same figure of the run of `articles` articles (bench/results/<articles>.json). */
  timesRunOf?: { articles: number; max: number };
  /** Why this limit, in a few words. */
  reason: string;
}

export interface BudgetResult {
  figure: string;
  value: unknown;
  limit: string;
  ok: boolean;
  reason: string;
}

/** Reads a dotted path out of a nested object. */
export function figureAt(report: unknown, figure: string): unknown {
  return figure.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), report);
}

/** Checks each applicable budget; a missing figure fails its budget. */
export function checkBudgets(report: { articles: number }, budgets: Budget[], earlierRun: (articles: number) => unknown = () => undefined): BudgetResult[] {
  return budgets
    .filter((budget) => budget.atArticles === undefined || budget.atArticles === report.articles)
    .map((budget) => {
      const value = figureAt(report, budget.figure);
      let ok = value !== undefined;
      const limits: string[] = [];
      if (budget.max !== undefined) {
        limits.push(`≤ ${budget.max}`);
        ok &&= typeof value === 'number' && value <= budget.max;
      }
      if (budget.min !== undefined) {
        limits.push(`≥ ${budget.min}`);
        ok &&= typeof value === 'number' && value >= budget.min;
      }
      if (budget.timesRunOf !== undefined) {
        const reference = figureAt(earlierRun(budget.timesRunOf.articles), budget.figure);
        limits.push(`≤ ${budget.timesRunOf.max} × the ${budget.timesRunOf.articles}-article run (${String(reference)})`);
        ok &&= typeof value === 'number' && typeof reference === 'number' && value <= budget.timesRunOf.max * reference;
      }
      if (budget.equals !== undefined) {
        limits.push(`= ${String(budget.equals)}`);
        ok &&= value === budget.equals;
      }
      return { figure: budget.figure, value, limit: limits.join(' and '), ok, reason: budget.reason };
    });
}
