import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { announceTicket, emergencyCheckers } from '../../../src/intake/open-ticket.js';
import type { Classification } from '../../../src/labels/classification.js';
import { routeTicket } from '../../../src/routing/route-ticket.js';
import { buildTicket } from '../../helpers/ticket-builder.js';

const directory = loadDirectory();

const classified: Classification = {
  intent: 'grievance',
  category: 'gas',
  body: 'gas_co',
  tiao_kuai: 'section',
  urgency: 'urgent',
  location: { building: 5, unit: null, room: null },
  compound: null,
  place: 'compound',
  probabilities: { grievance: 0.8, emergency: 0.15, inquiry: 0.02, feedback: 0.01, chatter: 0.02 },
  emergency_check: true,
  confidence: 0.8,
  source: 'local',
  cues: [],
};

describe('an emergency check (the grey zone below a sure emergency)', () => {
  const routing = routeTicket(directory, classified, '幸福里一区业主群');
  const ticket = buildTicket(7, {
    category: 'gas',
    urgency: 'urgent',
    text: '5号楼楼道里一股煤气味',
    room: '幸福里一区业主群',
    reporter: '王阿姨',
    assignees: routing.assignees,
  });

  it('answers the reporter with the ticket and one line with the emergency number that fits', () => {
    const [reply] = announceTicket(directory, ticket, routing, true);
    expect(reply?.room).toBe('幸福里一区业主群');
    expect(reply?.text).toContain('#7');
    expect(reply?.text).toContain('如有人身危险，请立即拨打 119');
  });

  it('alerts the grid worker and the duty supervisor privately at once to check within 15 minutes', () => {
    const sent = announceTicket(directory, ticket, routing, true).slice(1);
    expect(emergencyCheckers(directory, routing)).toEqual(['李明', '刘桂兰']);
    // the other supervisors hear of it only if nobody takes it in time (the timers' check_unanswered)
    expect(sent.filter((m) => m.to === '吴晓东' || m.to === '郑海')).toEqual([]);
    for (const name of ['李明', '刘桂兰']) {
      const alert = sent.find((m) => m.to === name);
      expect(alert?.text, name).toContain('【紧急核实】工单 #7');
      expect(alert?.text, name).toContain('15分钟内核实');
    }
    // the body's liaison still gets the ordinary notice, once
    expect(sent.filter((m) => m.to === '曹师傅')).toHaveLength(1);
    expect(sent.find((m) => m.to === '曹师傅')?.text).toContain('新工单 #7');
  });

  it('is an ordinary acknowledgement without the check', () => {
    const [reply, ...rest] = announceTicket(directory, ticket, routing, false);
    expect(reply?.text).not.toContain('请立即拨打');
    expect(rest.every((m) => !m.text.includes('紧急核实'))).toBe(true);
  });
});
