import type { EvalMetrics } from './metrics.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The lines the eval command prints, targets alongside so a reader sees at once what passes. */
export function formatReport(title: string, m: EvalMetrics): string[] {
  const row = (label: string, value: number, target?: number) =>
    `  ${label.padEnd(34)}${pct(value).padStart(7)}${target === undefined ? '' : `   (target ≥ ${pct(target)}${value >= target ? ' ok' : ' MISS'})`}`;
  const lines = [
    `${title}: ${m.messages} messages, ${m.actionable} actionable`,
    row('intent accuracy', m.intentAccuracy, 0.93),
    row('intent macro-F1', m.intentMacroF1),
    row('grievance recall', m.grievanceRecall),
    row('emergency recall', m.emergencyRecall, 1),
    row('emergency precision', m.emergencyPrecision, 0.85),
    row('category accuracy (actionable)', m.categoryAccuracy, 0.85),
    row('body accuracy (actionable)', m.bodyAccuracy, 0.88),
    row('urgency accuracy', m.urgencyAccuracy),
    row('location exact match', m.locationExact, 0.95),
    row('share sent to the LLM (cascade)', m.llmShare),
    row('intent+body right when kept local', m.sureAccuracy),
    '  worst confusions (field: gold → predicted ×count, e.g. id):',
  ];
  for (const c of m.confusions) {
    lines.push(`    ${c.field}: ${c.gold} → ${c.predicted} ×${c.count}  e.g. ${c.example}`);
  }
  return lines;
}
