import type { Classifier } from '../../classify/classifier.js';
import type { Directory } from '../../directory/directory.js';
import type { Classification, ClassifyInput } from '../../labels/classification.js';
import { type Category, EMPTY_LOCATION, isActionable, tiaoKuaiOf } from '../../labels/labels.js';
import { decideBody } from './body.js';
import { type CategoryScore, chooseCategory, scoreCategories } from './category.js';
import { scoreConfidence } from './confidence.js';
import { detectEmergency } from './emergency.js';
import { decideIntent } from './intent.js';
import { extractLocation } from './location.js';
import { predictHead, type TrainedModel, trainModel } from './model.js';
import { resolvePlace } from './place.js';
import { prepareForModel, prepareText } from './prepare.js';
import { featuresOf } from './segmenter.js';
import { DEFAULT_TRAINING_FILE, readLabelledMessages } from './training-data.js';
import { decideUrgency } from './urgency.js';

/** How many lexicon points the model's category posterior is worth. */
const MODEL_WEIGHT = 1.5;

/** Below this posterior the model's category is a guess; with no lexicon word the message goes to `other`. */
const UNSURE_MODEL = 0.9;

export type LocalClassifier = Classifier & { classifySync(input: ClassifyInput): Classification };

/** Someone posing as a utility or an office (冒充燃气公司的人): the named company is the disguise, not the topic. */
const DISGUISE =
  /(?:冒充|假冒|假扮|自称(?:是)?)(?:是)?[^ ,，。!！]{0,10}?(?:公司|工作人员|的人|师傅|客服|民警|警察)/g;

let defaultModel: TrainedModel | undefined;

/** The shipped model: trained once per process from datasets/dev-messages.jsonl (about 0.1 s). */
export function loadDefaultModel(): TrainedModel {
  defaultModel ??= trainModel(readLabelledMessages(DEFAULT_TRAINING_FILE), prepareForModel);
  return defaultModel;
}

/** The embedded, deterministic classifier: lexicons and rules, the directory for places, naive Bayes for ties. */
export function createLocalClassifier(
  directory: Directory,
  options?: { model?: TrainedModel },
): LocalClassifier {
  const model = options?.model ?? loadDefaultModel();
  const classifySync = (input: ClassifyInput): Classification => classifyWith(model, directory, input);
  return {
    classifySync,
    classify: async (input) => classifySync(input),
  };
}

function classifyWith(model: TrainedModel, directory: Directory, input: ClassifyInput): Classification {
  const { text, injected } = prepareText(input.text);
  const features = featuresOf(text);
  const lexicon = scoreCategories(text.replace(DISGUISE, '冒充工作人员'));
  const emergency = detectEmergency(text);
  const intentModel = predictHead(model.intent, features);
  const intent = decideIntent(text, {
    emergency,
    domainScore: lexicon[0]?.score ?? 0,
    model: intentModel.distribution,
    injected,
  });
  const cues = injected ? ['injection:ignored', intent.cue] : [intent.cue];
  const location = text ? extractLocation(text) : EMPTY_LOCATION;
  if (!isActionable(intent.intent)) {
    return {
      intent: intent.intent,
      category: 'none',
      body: 'none',
      tiao_kuai: 'none',
      urgency: 'none',
      location,
      compound: null,
      confidence: scoreConfidence({ intent, intentModel, category: undefined }),
      source: 'local',
      cues,
    };
  }
  const categoryModel = predictHead(model.category, features);
  const picked = pickCategory(lexicon, categoryModel.distribution, emergency?.category);
  const place = resolvePlace(text, location, directory, input.roomTopic);
  if (picked.category === 'road_facility' && place.kind === 'compound' && place.explicit && /灯/.test(text)) {
    // a lamp inside a compound is a common part of the buildings, not a municipal street lamp
    picked.category = 'building_repair';
    picked.cues.push('place:小区内路灯');
  }
  if (
    picked.category === 'road_facility' &&
    place.kind === 'compound' &&
    (location.building !== null || /楼道|厕所|马桶|地漏|厨房|家里|一楼|屋里/.test(text)) &&
    /下水|排水|污水|化粪|地漏|返水/.test(text)
  ) {
    // a blocked drain in a building is a common part of the building, not the municipal sewer
    picked.category = 'building_repair';
    picked.cues.push('place:楼内下水');
  }
  const body = decideBody(picked.category, place, text, intent.intent);
  const urgency = decideUrgency(intent.intent, picked.category, text);
  cues.push(
    `category:${picked.cues.slice(0, 2).join('+') || 'model'}→${picked.category}`,
    ...place.cues,
    body.cue,
  );
  if (urgency.urgency === 'urgent') {
    cues.push(urgency.cue);
  }
  return {
    intent: intent.intent,
    category: picked.category,
    body: body.body,
    tiao_kuai: tiaoKuaiOf(body.body),
    urgency: urgency.urgency,
    location,
    compound: place.compound,
    confidence: scoreConfidence({ intent, intentModel, category: { ...picked, model: categoryModel } }),
    source: 'local',
    cues,
  };
}

function pickCategory(
  lexicon: readonly CategoryScore[],
  model: Map<string, number>,
  emergencyCategory: Category | undefined,
): { category: Category; score: number; margin: number; cues: string[] } {
  if (emergencyCategory) {
    return { category: emergencyCategory, score: 10, margin: 10, cues: ['emergency'] };
  }
  const topModel = Math.max(0, ...model.values());
  if (lexicon.length === 0 && topModel < UNSURE_MODEL) {
    // no topic word and the model has no clear favourite: the committee takes it (low confidence → LLM)
    return { category: 'other', score: 0, margin: 0, cues: ['no-topic→other'] };
  }
  return chooseCategory(lexicon, model, MODEL_WEIGHT);
}
