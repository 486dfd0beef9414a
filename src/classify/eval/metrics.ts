import type { Classification } from '../../labels/classification.js';
import { INTENTS, isActionable } from '../../labels/labels.js';
import { DEFAULT_CASCADE_POLICY, shouldAskLlm } from '../cascade-policy.js';
import type { LabelledMessage } from '../local/training-data.js';

/** One scored message: the gold labels and what the classifier said. */
export type ScoredMessage = { gold: LabelledMessage; predicted: Classification };

export type Confusion = { field: string; gold: string; predicted: string; count: number; example: string };

export type EvalMetrics = {
  messages: number;
  intentAccuracy: number;
  intentMacroF1: number;
  grievanceRecall: number;
  /** Emergencies called emergencies. */
  emergencyRecall: number;
  /** Emergencies called emergencies or emergency checks: nothing missed. */
  emergencyRecallWithChecks: number;
  emergencyPrecision: number;
  /** Share of all messages that are emergency checks (staff alerted to check). */
  checkShare: number;
  actionable: number;
  categoryAccuracy: number;
  bodyAccuracy: number;
  urgencyAccuracy: number;
  locationExact: number;
  llmShare: number;
  /** intent and body both right among the messages the cascade would keep local */
  sureAccuracy: number;
  confusions: Confusion[];
};

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function computeMetrics(scored: readonly ScoredMessage[]): EvalMetrics {
  const actionable = scored.filter((s) => isActionable(s.gold.intent));
  const sameLocation = (s: ScoredMessage) =>
    s.gold.location.building === s.predicted.location.building &&
    s.gold.location.unit === s.predicted.location.unit &&
    s.gold.location.room === s.predicted.location.room;
  const sure = scored.filter((s) => !shouldAskLlm(s.predicted, DEFAULT_CASCADE_POLICY));
  const count = (list: readonly ScoredMessage[], ok: (s: ScoredMessage) => boolean) => list.filter(ok).length;
  const goldEmergency = scored.filter((s) => s.gold.intent === 'emergency');
  const predEmergency = scored.filter((s) => s.predicted.intent === 'emergency');
  return {
    messages: scored.length,
    intentAccuracy: ratio(
      count(scored, (s) => s.gold.intent === s.predicted.intent),
      scored.length,
    ),
    intentMacroF1: macroF1(scored),
    grievanceRecall: recallOf(scored, 'grievance'),
    emergencyRecall: ratio(
      count(goldEmergency, (s) => s.predicted.intent === 'emergency'),
      goldEmergency.length,
    ),
    emergencyRecallWithChecks: ratio(
      count(goldEmergency, (s) => s.predicted.intent === 'emergency' || s.predicted.emergency_check),
      goldEmergency.length,
    ),
    emergencyPrecision: ratio(
      count(predEmergency, (s) => s.gold.intent === 'emergency'),
      predEmergency.length,
    ),
    checkShare: ratio(
      count(scored, (s) => s.predicted.emergency_check),
      scored.length,
    ),
    actionable: actionable.length,
    categoryAccuracy: ratio(
      count(actionable, (s) => s.gold.category === s.predicted.category),
      actionable.length,
    ),
    bodyAccuracy: ratio(
      count(actionable, (s) => s.gold.body === s.predicted.body),
      actionable.length,
    ),
    urgencyAccuracy: ratio(
      count(scored, (s) => s.gold.urgency === s.predicted.urgency),
      scored.length,
    ),
    locationExact: ratio(count(scored, sameLocation), scored.length),
    llmShare: ratio(scored.length - sure.length, scored.length),
    sureAccuracy: ratio(
      count(sure, (s) => s.gold.intent === s.predicted.intent && s.gold.body === s.predicted.body),
      sure.length,
    ),
    confusions: topConfusions(scored, actionable),
  };
}

function recallOf(scored: readonly ScoredMessage[], intent: string): number {
  const gold = scored.filter((s) => s.gold.intent === intent);
  return ratio(gold.filter((s) => s.predicted.intent === intent).length, gold.length);
}

function macroF1(scored: readonly ScoredMessage[]): number {
  const f1s = INTENTS.map((intent) => {
    const tp = scored.filter((s) => s.gold.intent === intent && s.predicted.intent === intent).length;
    const fp = scored.filter((s) => s.gold.intent !== intent && s.predicted.intent === intent).length;
    const fn = scored.filter((s) => s.gold.intent === intent && s.predicted.intent !== intent).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

function topConfusions(scored: readonly ScoredMessage[], actionable: readonly ScoredMessage[]): Confusion[] {
  const table = new Map<string, Confusion>();
  const add = (
    field: string,
    list: readonly ScoredMessage[],
    pick: (c: LabelledMessage | Classification) => string,
  ) => {
    for (const s of list) {
      const gold = pick(s.gold);
      const predicted = pick(s.predicted);
      if (gold === predicted) {
        continue;
      }
      const key = `${field}:${gold}:${predicted}`;
      const entry = table.get(key) ?? { field, gold, predicted, count: 0, example: s.gold.id };
      entry.count += 1;
      table.set(key, entry);
    }
  };
  add('intent', scored, (c) => c.intent);
  add('category', actionable, (c) => c.category);
  add('body', actionable, (c) => c.body);
  add('urgency', scored, (c) => c.urgency);
  return [...table.values()].sort((a, b) => b.count - a.count || a.field.localeCompare(b.field)).slice(0, 12);
}
