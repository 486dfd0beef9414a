import { reliabilityTable } from '../model/calibration.js';
import type { EvalMetrics, ScoredMessage } from './metrics.js';

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
    row('emergency recall (sure only)', m.emergencyRecall),
    row('emergency recall with checks', m.emergencyRecallWithChecks, 1),
    row('emergency precision', m.emergencyPrecision, 0.9),
    row('emergency checks (share of all)', m.checkShare),
    row('category accuracy (actionable)', m.categoryAccuracy, 0.88),
    row('body accuracy (actionable)', m.bodyAccuracy, 0.88),
    row('urgency accuracy', m.urgencyAccuracy),
    row('location exact match', m.locationExact, 0.97),
    row('share sent to the LLM (cascade)', m.llmShare),
    row('intent+body right when kept local', m.sureAccuracy),
    '  worst confusions (field: gold → predicted ×count, e.g. id):',
  ];
  for (const c of m.confusions) {
    lines.push(`    ${c.field}: ${c.gold} → ${c.predicted} ×${c.count}  e.g. ${c.example}`);
  }
  return lines;
}

/** Reliability of the calibrated intent probability: binned confidence against how often it was right. */
export function formatReliability(scored: readonly ScoredMessage[]): string[] {
  const { bins, expectedCalibrationError } = reliabilityTable(
    scored.map((s) => ({
      confidence: s.predicted.probabilities[s.predicted.intent] ?? s.predicted.confidence,
      correct: s.predicted.intent === s.gold.intent,
    })),
  );
  const lines = [
    `  reliability of the intent probability (expected calibration error ${pct(expectedCalibrationError)}):`,
  ];
  for (const b of bins) {
    if (b.count > 0) {
      lines.push(
        `    p ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.count).padStart(5)} messages  mean p ${pct(b.meanConfidence).padStart(6)}  right ${pct(b.accuracy).padStart(6)}`,
      );
    }
  }
  return lines;
}
