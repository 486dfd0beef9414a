import type { Classification } from '../labels/classification.js';
import type { Category } from '../labels/labels.js';
import { NO_PROBLEM } from './related-tickets.js';

/**
 * How likely the subject the classifier reads in a question must be: more likely than every other subject
 * together, so 「几点来电啊？」 is about power and 「菜鸟驿站几点关门」 about nothing the bot keeps tickets of.
 */
export const SUBJECT_P = 0.5;

/**
 * The problem a question or a chase is about, as the classifier's category head reads it (it reads the subject
 * of any message, a question read as chatter included): its likeliest category when that is at least
 * SUBJECT_P likely and a problem at all.
 */
export function subjectOf(c: Pick<Classification, 'category_probabilities'>): Category | undefined {
  const [best] = Object.entries(c.category_probabilities ?? {})
    .filter(([category, p]) => !NO_PROBLEM.has(category) && p >= SUBJECT_P)
    .sort((a, b) => b[1] - a[1]);
  return best?.[0] as Category | undefined;
}
