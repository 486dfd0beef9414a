import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { computeResourceUsage } from '../../../src/stats/resource-usage.js';
import { engagementDetail } from '../../../src/tickets/resource-engagements.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';
import { at, ticket } from './builders.js';

const { resources } = loadDirectory().data;

const engaged = (n: number, seq: number, resource: string, when: Date): TicketEvent => ({
  ticketNumber: n,
  seq,
  at: when,
  actor: '王芳',
  type: 'resource_engaged',
  detail: engagementDetail({ resource, contact: '马振华', by: '王芳' }),
  prevHash: '',
  hash: `h${n}-${seq}`,
});

describe('computeResourceUsage', () => {
  it('counts engagements of the period only, and needs opened in it that are not merged or cancelled', () => {
    const leak = ticket(1, {
      category: 'water_supply',
      text: '水管漏水',
      location: { compound: '幸福里二区', building: 16, unit: null, room: null, landmark: null },
    });
    const old = ticket(2, {
      category: 'labor_social_security',
      text: '拖欠工资',
      createdAt: at('11-20 09:00'),
    });
    const lift = ticket(3, { category: 'elevator', text: '电梯坏了' });
    const noise = ticket(4, { category: 'noise', text: '楼上装修太吵' });
    const merged = ticket(5, { category: 'elevator', status: 'merged' });
    const question = ticket(6, { intent: 'inquiry', category: 'elevator' });
    const events = new Map([
      [
        1,
        [
          engaged(1, 2, '水电维修志愿队', at('12-01 10:00')),
          engaged(1, 3, '顺达水电维修部', at('12-02 10:00')),
        ],
      ],
      [
        2,
        [
          engaged(2, 2, '明德律师事务所', at('11-25 10:00')),
          engaged(2, 3, '明德律师事务所', at('12-03 10:00')),
        ],
      ],
    ]);

    const u = computeResourceUsage({
      resources,
      tickets: [leak, old, lift, noise, merged, question],
      events,
      from: at('12-01 00:00'),
      to: at('12-08 00:00'),
    });

    expect(u.engagements).toBe(3);
    expect(u.used).toEqual([
      { name: '水电维修志愿队', count: 1 },
      { name: '明德律师事务所', count: 1 },
      { name: '顺达水电维修部', count: 1 },
    ]);
    expect(u.unused).toHaveLength(5);
    expect(u.resourceCount).toBe(8);
    expect(u.needsWithResource).toMatchObject({ numerator: 1, denominator: 3 });
    expect(u.engagedOfMatched).toMatchObject({ numerator: 1, denominator: 1 });
    expect(u.needsWithout).toMatchObject({ numerator: 2, denominator: 3 });
    expect(u.withoutByCategory).toEqual([
      { category: 'elevator', count: 1 },
      { category: 'noise', count: 1 },
    ]);
  });
});
