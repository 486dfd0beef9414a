import type { Category } from '../labels/labels.js';
import { EMERGENCY_PHONES } from '../tickets/ticket-text.js';

type PhoneKind = keyof typeof EMERGENCY_PHONES;

const POLICE_CUES = /[刀枪棍斧]|砍|捅|持械|打人|打架|殴打|打老婆|家暴|抢劫|行凶|威胁|绑架|闯入|撬门/;
const MEDICAL_CUES =
  /倒地|晕倒|昏迷|不省人事|没(?:有)?呼吸|没反应|心脏|抽搐|吐血|流血|受伤|摔倒|中风|休克|喘不上气/;
const FIRE_CUES =
  /着火|起火|失火|火灾|冒烟|浓烟|烟雾|燃气|煤气|天然气|液化气|爆炸|被困|困在|关在|卡在|触电|坍塌|塌了/;

const BY_CATEGORY: Partial<Record<Category, PhoneKind>> = {
  public_security: 'police',
  neighbor_dispute: 'police',
  fire_safety: 'fire',
  gas: 'fire',
  elevator: 'fire',
  power: 'fire',
  building_repair: 'fire',
  health: 'medical',
  elderly_care: 'medical',
};

/** The emergency number that fits: violence → 110, fire, gas or trapped → 119, a person down → 120. */
export function emergencyPhone(category: Category, text: string): (typeof EMERGENCY_PHONES)[PhoneKind] {
  if (POLICE_CUES.test(text)) {
    return EMERGENCY_PHONES.police;
  }
  if (FIRE_CUES.test(text)) {
    return EMERGENCY_PHONES.fire;
  }
  if (MEDICAL_CUES.test(text)) {
    return EMERGENCY_PHONES.medical;
  }
  return EMERGENCY_PHONES[BY_CATEGORY[category] ?? 'police'];
}
