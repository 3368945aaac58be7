/**
 * The interview battery's results, as report.json keeps them (`RunReport.interview`) and
 * the experiment and the HTML report read them. The paper's five categories.
 */
export const BATTERY_CATEGORIES = ["self", "memory", "plans", "reactions", "reflections"] as const;
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number];

/** One question put to one resident, its answer, and each check the answer was held to. */
export interface BatteryItem {
  resident: string;
  category: BatteryCategory;
  question: string;
  answer: string;
  checks: { name: string; passed: boolean; detail?: string }[];
  /** All checks passed. */
  passed: boolean;
  /** The answer claims to know a person it never met or an event it never heard of. */
  hallucinated: boolean;
}

export interface BatteryResult {
  /** Per category: questions asked, passed, and the share passed (0..1). */
  categories: Record<BatteryCategory, { asked: number; passed: number; score: number }>;
  /**
   * Share of answers (0..1) that claim knowledge the resident does not have (paper: 1.3 %),
   * over the memory answers: the questions of whom and what it knows, as in the paper.
   */
  hallucinationRate: number;
  items: BatteryItem[];
}
