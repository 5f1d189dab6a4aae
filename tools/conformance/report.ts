export interface SuiteReport {
  name: string;
  total: number;
  passed: number;
  reductions: number;
  failures: { id: string; reason: string }[];
  figures: Record<string, number>;
}
