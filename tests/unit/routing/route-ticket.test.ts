import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import type { Classification } from '../../../src/labels/classification.js';
import { routeTicket } from '../../../src/routing/route-ticket.js';

const directory = loadDirectory();

function classified(overrides: Partial<Classification>): Classification {
  return {
    intent: 'grievance',
    category: 'elevator',
    body: 'property',
    tiao_kuai: 'block',
    urgency: 'normal',
    location: { building: null, unit: null, room: null },
    compound: null,
    place: 'unknown',
    probabilities: {},
    emergency_check: false,
    confidence: 0.9,
    source: 'local',
    cues: [],
    ...overrides,
  };
}

describe('routeTicket', () => {
  it('sends a building to its grid, grid worker and party branch, and property to the compound liaison', () => {
    const routing = routeTicket(
      directory,
      classified({ location: { building: 9, unit: 1, room: 301 } }),
      null,
    );

    expect(routing).toMatchObject({
      grid: '第二网格',
      gridWorker: '张伟',
      partyBranch: '第二网格党支部',
      body: 'property',
      bodyName: '安居物业',
      liaison: '魏经理',
      pairedPartyOrg: '安居物业党支部',
      location: { compound: '幸福里一区', building: 9, unit: 1, room: 301 },
    });
    expect(routing.assignees).toEqual(['张伟', '魏经理']);
  });

  it('routes property work of the old compound without a property company to housing', () => {
    const routing = routeTicket(
      directory,
      classified({ category: 'building_repair', location: { building: 18, unit: null, room: null } }),
      null,
    );

    expect(routing).toMatchObject({
      body: 'housing',
      tiaoKuai: 'section',
      liaison: '蒋工',
      grid: '第三网格',
    });
  });

  it('uses the group grid when the message names no building', () => {
    const routing = routeTicket(directory, classified({ category: 'sanitation' }), '锦苑邻里群');

    expect(routing).toMatchObject({
      grid: '第四网格',
      gridWorker: '陈静',
      bodyName: '锦程物业',
      liaison: '陶经理',
    });
  });

  it('gives a group spanning two grids, with no building, to the duty grid worker', () => {
    const routing = routeTicket(
      directory,
      classified({ category: 'noise', body: 'police' }),
      '幸福里一区业主群',
    );

    expect(routing).toMatchObject({
      grid: '第一网格',
      gridWorker: '李明',
      body: 'police',
      liaison: '韩警官',
    });
    expect(routing.pairedPartyOrg).toBe('明德派出所党支部');
  });

  it('lets the committee dispatch property work when no compound is known', () => {
    const routing = routeTicket(directory, classified({ category: 'parking' }), null);

    expect(routing).toMatchObject({ body: 'committee', liaison: '吴晓东', grid: '第一网格' });
  });

  it('keeps a section body and its liaison on a public street', () => {
    const routing = routeTicket(
      directory,
      classified({ category: 'road_facility', body: 'municipal', tiao_kuai: 'section' }),
      '幸福里二区居民群',
    );

    expect(routing).toMatchObject({
      body: 'municipal',
      tiaoKuai: 'section',
      liaison: '金科员',
      grid: '第三网格',
    });
  });
});
