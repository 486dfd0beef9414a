import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Classifier } from '../../classify/classifier.js';
import type { Directory } from '../../directory/directory.js';
import type { Classification, ClassifyInput } from '../../labels/classification.js';
import {
  type Body,
  type Category,
  EMPTY_LOCATION,
  INTENTS,
  type Intent,
  type Location,
  tiaoKuaiOf,
  type Urgency,
} from '../../labels/labels.js';
import { bodyFor } from '../../routing/body-table.js';
import { extractLocation } from './location.js';
import { resolvePlace } from './place.js';
import { isPlaceAlone } from './place-alone.js';
import { prepareText } from './prepare.js';
import { featuresOf } from './segmenter.js';
import { headProbabilities, type LocalModel, loadModel, modelRow, readModelFiles } from './trained-model.js';

/** The committed model that `npm run train` writes. */
export const MODEL_FILE = fileURLToPath(new URL('../../../models/local-model.json', import.meta.url));
/** The model's weights, beside its JSON file (`modelFiles` in trained-model.ts). */
export const weightsFileOf = (modelFile: string): string => modelFile.replace(/\.json$/, '.weights');

export type LocalClassifier = Classifier & { classifySync(input: ClassifyInput): Classification };

let defaultModel: LocalModel | undefined;

/** The shipped model, read once per process from models/local-model.json and its weights file. */
export function loadDefaultModel(): LocalModel {
  if (!defaultModel) {
    let json: string;
    let weights: Buffer;
    try {
      json = readFileSync(MODEL_FILE, 'utf8');
      weights = readFileSync(weightsFileOf(MODEL_FILE));
    } catch {
      throw new Error(`the classifier model ${MODEL_FILE} is missing: run \`npm run train\` to build it`);
    }
    defaultModel = loadModel(readModelFiles(json, weights));
  }
  return defaultModel;
}

const ACTIONABLE: ReadonlySet<Intent> = new Set(['grievance', 'emergency', 'inquiry']);

/** The intent with its probabilities and whether it is an emergency check (the grey zone below a sure one). */
export function decideIntent(
  model: LocalModel,
  probabilities: ReadonlyMap<string, number>,
  /** The message is a place alone (isPlaceAlone): it tells no danger, whatever weight its building carries. */
  placeAlone = false,
): { intent: Intent; emergencyCheck: boolean } {
  const pEmergency = placeAlone ? 0 : (probabilities.get('emergency') ?? 0);
  if (pEmergency >= model.emergency.sure) {
    return { intent: 'emergency', emergencyCheck: false };
  }
  let intent: Intent = 'chatter';
  let best = -1;
  for (const [label, p] of probabilities) {
    if (label !== 'emergency' && p > best) {
      intent = label as Intent;
      best = p;
    }
  }
  const emergencyCheck = pEmergency >= model.emergency.check;
  // a possible emergency is a request to act on even when the words read like chatter
  return { intent: emergencyCheck && !ACTIONABLE.has(intent) ? 'grievance' : intent, emergencyCheck };
}

function argmax(distribution: ReadonlyMap<string, number>, allowed?: (label: string) => boolean): string {
  let label = '';
  let best = -1;
  for (const [l, p] of distribution) {
    if ((allowed?.(l) ?? true) && p > best) {
      label = l;
      best = p;
    }
  }
  return label;
}

/**
 * The embedded classifier: a calibrated logistic-regression model decides intent, category and urgency
 * and suggests the body; deterministic code reads the location and the place, and the routing table
 * turns category, place and suggestion into the body.
 */
export function createLocalClassifier(
  directory: Directory,
  options?: { model?: LocalModel },
): LocalClassifier {
  const model = options?.model ?? loadDefaultModel();
  const classifySync = (input: ClassifyInput): Classification => classifyWith(model, directory, input);
  return { classifySync, classify: async (input) => classifySync(input) };
}

function classifyWith(model: LocalModel, directory: Directory, input: ClassifyInput): Classification {
  const { text, injected } = prepareText(input.text);
  const row = modelRow(model, featuresOf(text));
  const intentProbabilities = headProbabilities(model, 'intent', row);
  const probabilities = Object.fromEntries(INTENTS.map((i) => [i, round(intentProbabilities.get(i) ?? 0)]));
  const location = text ? extractLocation(text) : EMPTY_LOCATION;
  const placeAlone = isPlaceAlone(text, location, directory);
  const { intent, emergencyCheck } = decideIntent(model, intentProbabilities, placeAlone);
  const cues = [...(injected ? ['injection:ignored'] : []), ...(placeAlone ? ['place-alone'] : [])];
  const pIntent = intentProbabilities.get(intent) ?? 0;
  const categories = headProbabilities(model, 'category', row);
  if (!ACTIONABLE.has(intent)) {
    return {
      intent,
      category: 'none',
      body: 'none',
      tiao_kuai: 'none',
      urgency: 'none',
      location,
      compound: null,
      place: 'unknown',
      confidence: round(pIntent),
      probabilities,
      // what it would be about as a request: the subject of a question read as chatter (「来电了吗？」)
      category_probabilities: likelier(categories, 0.05),
      emergency_check: false,
      source: 'local',
      cues: [...cues, `model:${model.version}`],
    };
  }
  const category = (argmax(categories, (c) => intent === 'inquiry' || c !== 'consultation') ||
    'other') as Category;
  const bodySuggestion = headProbabilities(model, 'body', row);
  const { place, body } = placedBody(
    directory,
    { text, location, roomTopic: input.roomTopic },
    {
      category,
      suggestion: bodySuggestion,
      emergency: intent === 'emergency',
    },
  );
  const urgency: Urgency =
    intent === 'emergency'
      ? 'emergency'
      : emergencyCheck
        ? 'urgent'
        : (argmax(headProbabilities(model, 'urgency', row), (u) => u !== 'emergency') as Urgency) || 'normal';
  const pCategory = categories.get(category) ?? 0;
  return {
    intent,
    category,
    body: body.body as Body,
    tiao_kuai: tiaoKuaiOf(body.body),
    urgency,
    location,
    compound: place.compound,
    place: place.kind,
    confidence: round(Math.min(pIntent, pCategory)),
    probabilities,
    category_probabilities: likelier(categories, 0.05),
    body_probabilities: likelier(bodySuggestion, 0.01),
    emergency_check: emergencyCheck,
    source: 'local',
    cues: [...cues, `model:${model.version}`, `category:p=${round(pCategory)}`, ...place.cues, body.cue],
  };
}

/** Where a request is and who acts on it: the place from the prepared text, the body by the one table. */
function placedBody(
  directory: Directory,
  where: { text: string; location: Location; roomTopic?: string | undefined },
  what: { category: Category; suggestion: ReadonlyMap<string, number>; emergency: boolean },
) {
  const place = resolvePlace(where.text, where.location, directory, where.roomTopic);
  return { place, body: bodyFor(what.category, place, what.suggestion, what.emergency) };
}

/**
 * The body a stored prediction (category, body suggestion, intent) gets from today's place reader and body
 * table, read from the raw text as `classify` reads it: for rescoring held-out predictions.
 */
export function rereadBody(directory: Directory, rawText: string, predicted: Classification): Body {
  if (predicted.category === 'none') {
    return 'none';
  }
  const { text } = prepareText(rawText);
  return placedBody(
    directory,
    { text, location: extractLocation(text) },
    {
      category: predicted.category,
      suggestion: new Map(Object.entries(predicted.body_probabilities ?? {})),
      emergency: predicted.intent === 'emergency',
    },
  ).body.body as Body;
}

const round = (x: number) => Number(x.toFixed(4));

/** The labels of a head at least `floor` likely, rounded. */
const likelier = (probabilities: ReadonlyMap<string, number>, floor: number): Record<string, number> =>
  Object.fromEntries([...probabilities].filter(([, p]) => p >= floor).map(([label, p]) => [label, round(p)]));
