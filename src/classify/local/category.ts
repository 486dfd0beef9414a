import type { Category } from '../../labels/labels.js';
import { type Cue, findCue } from './cue.js';
import { BUILDING_LEXICON } from './lexicon-building.js';
import { ENVIRONMENT_LEXICON } from './lexicon-environment.js';
import { PEOPLE_LEXICON } from './lexicon-people.js';

const LEXICON: Array<[Category, Cue[]]> = Object.entries({
  ...BUILDING_LEXICON,
  ...ENVIRONMENT_LEXICON,
  ...PEOPLE_LEXICON,
}) as Array<[Category, Cue[]]>;

/** "X就算了 关键是Y", "X这个先不说 还有Y": the matter after the turn is the one that counts. */
const TURN =
  /关键是|这个先不说|这都是小事|就算了|更要命的是|最主要的是|更严重的是|最可怕的是|已经(?:灭|扑灭|处理|解决)了|人没事/;

export type CategoryScore = { category: Category; score: number; cues: string[] };

/** Lexicon evidence per category, with matters named after a turn weighted up and those before it down. */
export function scoreCategories(text: string): CategoryScore[] {
  const turn = TURN.exec(text);
  const turnAt = turn ? turn.index : -1;
  const scores: CategoryScore[] = [];
  for (const [category, list] of LEXICON) {
    let score = 0;
    const names: string[] = [];
    for (const cue of list) {
      const at = findCue(text, cue);
      if (at < 0) {
        continue;
      }
      const factor = turnAt < 0 ? 1 : at > turnAt ? 1.5 : 0.5;
      score += cue.weight * factor;
      names.push(cue.name);
    }
    if (score > 0) {
      scores.push({ category, score, cues: names });
    }
  }
  return scores.sort((a, b) => b.score - a.score);
}

/** Combines lexicon scores with the model's posterior (worth up to `modelWeight` points). */
export function chooseCategory(
  lexicon: readonly CategoryScore[],
  model: Map<string, number>,
  modelWeight: number,
): { category: Category; score: number; margin: number; cues: string[] } {
  const combined = new Map<Category, number>();
  for (const s of lexicon) {
    combined.set(s.category, s.score);
  }
  for (const [label, p] of model) {
    const category = label as Category;
    combined.set(category, (combined.get(category) ?? 0) + modelWeight * p);
  }
  const ranked = [...combined.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [first, second] = ranked;
  const category = first?.[0] ?? 'other';
  const score = first?.[1] ?? 0;
  const cues = lexicon.find((s) => s.category === category)?.cues ?? [];
  return { category, score, margin: score - (second?.[1] ?? 0), cues };
}
