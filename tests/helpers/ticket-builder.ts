import { startTicket } from '../../src/store/ticket-state.js';
import type { NewTicket, Ticket } from '../../src/tickets/ticket.js';

/** The sample ticket every unit test starts from: 王阿姨's lift at 幸福里一区 3号楼, 第一网格, property. */
const SAMPLE: NewTicket = {
  intent: 'grievance',
  category: 'elevator',
  body: 'property',
  tiaoKuai: 'block',
  urgency: 'normal',
  location: { compound: '幸福里一区', building: 3, unit: null, room: null, landmark: null },
  grid: '第一网格',
  partyBranch: '第一网格党支部',
  assignees: ['李明', '魏经理'],
  reporter: '王阿姨',
  reporterId: 'wxid-wang',
  room: '幸福里一区业主群',
  roomId: 'room-1',
  text: '3号楼电梯坏了',
  createdAt: new Date(0),
  respondBy: null,
  resolveBy: null,
  classifiedBy: 'local',
  confidence: 0.9,
};

/** The sample ticket as a new one, with the given fields on top. */
export function newSampleTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return { ...SAMPLE, ...overrides };
}

/** A stored ticket as the store starts one (open, empty later fields), with the given fields on top. */
export function buildTicket(number: number, overrides: Partial<Ticket> = {}): Ticket {
  return { ...startTicket(SAMPLE, number), ...overrides };
}
