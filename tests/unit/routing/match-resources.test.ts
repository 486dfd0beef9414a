import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { findResource, matchResources, type Need } from '../../../src/routing/match-resources.js';
import { capacityLeft, type ResourceLoad, resourceLoad } from '../../../src/routing/resource-load.js';
import type { EngagementOnTicket } from '../../../src/tickets/resource-engagements.js';

const { resources } = loadDirectory().data;
const NONE: ResourceLoad = new Map();

const names = (need: Need, load: ResourceLoad = NONE) =>
  matchResources(resources, need, load).matches.map((m) => m.resource.name);

const engagement = (
  resource: string,
  at: string,
  ticketStatus: EngagementOnTicket['ticketStatus'] = 'accepted',
): EngagementOnTicket => ({
  resource,
  contact: 'x',
  by: '王芳',
  at: new Date(at),
  ticketNumber: 1,
  ticketStatus,
});

describe('matchResources', () => {
  it('puts the 二区 volunteer plumbers first for a leak in the compound without a property company', () => {
    const need: Need = {
      category: 'building_repair',
      text: '16号楼厨房水管漏水了，老两口修不了',
      compound: '幸福里二区',
    };

    expect(names(need)).toEqual(['水电维修志愿队', '顺达水电维修部']);
  });

  it('leaves the 二区 team out of a leak in 一区, where only the community-wide plumbers serve', () => {
    const need: Need = { category: 'water_supply', text: '5号楼水管漏水', compound: '幸福里一区' };

    expect(names(need)).toEqual(['顺达水电维修部']);
  });

  it('matches a wage dispute to the law firm', () => {
    const need: Need = {
      category: 'labor_social_security',
      text: '老板拖欠三个月工资不给',
      compound: '幸福里一区',
    };

    expect(names(need)).toEqual(['明德律师事务所']);
  });

  it('puts the hospital branch first for an elderly home visit, the elderly service second', () => {
    const need: Need = {
      category: 'elderly_care',
      text: '独居老人行动不便，想请医生上门看看血压',
      compound: '锦苑',
    };

    expect(names(need)).toEqual(['区人民医院党支部', '夕阳红助老服务社']);
  });

  it('finds nothing for a need no resource has a skill for', () => {
    expect(names({ category: 'elevator', text: '25号楼电梯坏了', compound: '锦苑' })).toEqual([]);
  });

  it('skips a resource at capacity and names it apart', () => {
    const need: Need = { category: 'water_supply', text: '水管漏水', compound: '幸福里二区' };
    const load: ResourceLoad = new Map([['水电维修志愿队', { atOnce: 3, thisMonth: 3 }]]);

    const result = matchResources(resources, need, load);

    expect(result.matches.map((m) => m.resource.name)).toEqual(['顺达水电维修部']);
    expect(result.atCapacity.map((r) => r.name)).toEqual(['水电维修志愿队']);
  });

  it('ranks equally fitting resources by the capacity they have left', () => {
    const need: Need = { category: 'neighbor_dispute', text: '邻居纠纷', compound: '锦苑' };
    const busyMediators: ResourceLoad = new Map([['幸福里人民调解工作室', { atOnce: 0, thisMonth: 8 }]]);
    const busyLawyers: ResourceLoad = new Map([['明德律师事务所', { atOnce: 0, thisMonth: 4 }]]);

    const lawyersFirst = matchResources(resources, need, busyMediators).matches;
    const mediatorsFirst = matchResources(resources, need, busyLawyers).matches;

    expect(lawyersFirst.map((m) => [m.resource.name, m.remaining])).toEqual([
      ['明德律师事务所', 5],
      ['幸福里人民调解工作室', 2],
    ]);
    expect(mediatorsFirst.map((m) => [m.resource.name, m.remaining])).toEqual([
      ['幸福里人民调解工作室', 10],
      ['明德律师事务所', 1],
    ]);
  });
});

describe('resourceLoad and capacityLeft', () => {
  it('counts engagements on working tickets at once, and this China month’s per month', () => {
    const load = resourceLoad(
      [
        engagement('水电维修志愿队', '2026-12-01T09:00:00+08:00'),
        engagement('水电维修志愿队', '2026-11-30T23:30:00+08:00', 'resolved'),
        engagement('明德律师事务所', '2026-12-01T00:10:00+08:00', 'closed'),
        engagement('明德律师事务所', '2026-11-30T23:50:00+08:00', 'open'),
      ],
      new Date('2026-12-15T12:00:00+08:00'),
    );

    expect(load.get('水电维修志愿队')).toEqual({ atOnce: 1, thisMonth: 1 });
    expect(load.get('明德律师事务所')).toEqual({ atOnce: 1, thisMonth: 1 });
  });

  it('leaves each limit the directory sets, never below zero', () => {
    const team = resources.find((r) => r.name === '水电维修志愿队');
    const firm = resources.find((r) => r.name === '明德律师事务所');
    const load: ResourceLoad = new Map([
      ['水电维修志愿队', { atOnce: 5, thisMonth: 9 }],
      ['明德律师事务所', { atOnce: 4, thisMonth: 2 }],
    ]);

    expect(team && capacityLeft(team, load)).toEqual({ atOnce: 0 });
    expect(firm && capacityLeft(firm, load)).toEqual({ perMonth: 3 });
  });
});

describe('findResource', () => {
  it('takes the exact name, a unique part of it, or the name followed by a note', () => {
    expect(findResource(resources, '水电维修志愿队')?.name).toBe('水电维修志愿队');
    expect(findResource(resources, '律师')?.name).toBe('明德律师事务所');
    expect(findResource(resources, '夕阳红助老服务社 请送午饭')?.name).toBe('夕阳红助老服务社');
  });

  it('refuses an unknown or ambiguous name', () => {
    expect(findResource(resources, '消防队')).toBeNull();
    expect(findResource(resources, '水电维修')).toBeNull();
    expect(findResource(resources, '  ')).toBeNull();
  });
});
