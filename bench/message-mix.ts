import { roomOfBuilding } from '../tests/helpers/rooms.js';
import { seeded } from '../tests/helpers/ticket-history.js';

const CHATTER = [
  '今天天气真好',
  '哈哈哈',
  '晚上一起跳广场舞吗',
  '收到',
  '好的好的',
  '孩子放学了没',
  '这周末有集市',
];
const PROBLEMS = [
  '楼道灯坏了好几天了，晚上黑乎乎的',
  '电梯又坏了，老人下不了楼',
  '楼下垃圾桶满了没人清，味道很大',
  '家里水管漏水，楼下都湿了',
  '楼上装修太吵了，中午都不停',
];
const INQUIRIES = ['物业电话多少？', '社区办公室周末几点上班？', '居住证在哪里办？'];
const EMERGENCIES = ['号楼有人被困电梯里了，快来人', '号楼楼道里冒烟了，好像着火了'];

export const MIX_KINDS = ['chatter', 'grievance', 'inquiry', 'emergency'] as const;
export type MixKind = (typeof MIX_KINDS)[number];

/** One message of the mix: who says what in which group, and what kind of message the mix meant it to be. */
export type MixMessage = { room: string; from: string; text: string; kind: MixKind };

/**
 * A realistic group day of the sample community, the same sequence on every run: half chatter, 35 %
 * grievances across buildings 1–30, inquiries, a few emergencies (the mix of bench/intake-history.bench.ts).
 */
export function messageMix(count: number, seed = 5000): MixMessage[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (): MixMessage => {
    const building = 1 + Math.floor(random() * 30);
    const from = `住户${Math.floor(random() * 3000)}`;
    const room = roomOfBuilding(building);
    const roll = random();
    if (roll < 0.5) {
      return { room, from, text: pick(CHATTER), kind: 'chatter' };
    }
    if (roll < 0.85) {
      return { room, from, text: `${building}号楼${pick(PROBLEMS)}`, kind: 'grievance' };
    }
    if (roll < 0.99) {
      return { room, from, text: pick(INQUIRIES), kind: 'inquiry' };
    }
    return { room, from, text: `${building}${pick(EMERGENCIES)}`, kind: 'emergency' };
  });
}
