/** What a conformance suite reports: how many of its cases passed, how many only through a stated reduction, and why each other failed. */
export interface SuiteReport {
  name: string;
  total: number;
  passed: number;
  reductions: number;
  failures: { id: string; reason: string }[];
  figures: Record<string, number>;
}
