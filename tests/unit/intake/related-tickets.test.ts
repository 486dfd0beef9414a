import { describe, expect, it } from 'vitest';
import { isLocalFault, OPEN_STATUSES, openDuplicateQueries } from '../../../src/intake/related-tickets.js';
import type { TicketLocation } from '../../../src/tickets/ticket.js';

const NOW = new Date('2027-04-14T08:00:00.000Z');
const HOUR_MS = 3600_000;
const at = (building: number | null, compound: string | null): TicketLocation => ({
  compound,
  building,
  unit: null,
  room: null,
  landmark: null,
});

describe('openDuplicateQueries', () => {
  it('looks for the same supply anywhere in the compound within 12 hours when it is told as off or bad', () => {
    const queries = openDuplicateQueries(
      { category: 'power', location: at(17, '幸福里二区'), localFault: false },
      { now: NOW, mergeWindowH: 72 },
    );

    expect(queries).toEqual([
      {
        place: { building: 17 },
        categories: ['power'],
        statuses: OPEN_STATUSES,
        intents: ['grievance', 'emergency'],
        createdFrom: new Date(NOW.getTime() - 72 * HOUR_MS),
        limit: 1,
      },
      {
        place: { area: '幸福里二区' },
        categories: ['power'],
        intents: ['grievance'],
        statuses: OPEN_STATUSES,
        createdFrom: new Date(NOW.getTime() - 12 * HOUR_MS),
        limit: 1,
      },
    ]);
  });

  it('keeps a fault at one place, another kind of problem and a place without a compound to the place itself', () => {
    const local = openDuplicateQueries(
      { category: 'water_supply', location: at(13, '幸福里二区'), localFault: true },
      { now: NOW, mergeWindowH: 72 },
    );
    const lift = openDuplicateQueries(
      { category: 'elevator', location: at(13, '幸福里二区') },
      { now: NOW, mergeWindowH: 72 },
    );
    const street = openDuplicateQueries(
      { category: 'power', location: { ...at(null, null), landmark: '明德路' } },
      { now: NOW, mergeWindowH: 72 },
    );

    for (const queries of [local, lift, street]) {
      expect(queries.map((q) => q.place)).not.toContainEqual(
        expect.objectContaining({ area: expect.anything() }),
      );
    }
    expect(local.map((q) => q.place)).toEqual([{ building: 13 }]);
  });

  it('never looks further back compound-wide than the merge window', () => {
    const queries = openDuplicateQueries(
      { category: 'gas', location: at(23, '锦苑') },
      { now: NOW, mergeWindowH: 6 },
    );
    expect(queries.at(-1)).toMatchObject({
      place: { area: '锦苑' },
      createdFrom: new Date(NOW.getTime() - 6 * HOUR_MS),
    });
  });
});

describe('isLocalFault', () => {
  it.each([
    '13号楼3单元水管漏水了',
    '楼下水管爆了 哗哗往外喷',
    '电线掉下来了',
    '我家跳闸了 推上去又跳',
    '电表箱冒火花',
  ])('reads 「%s」 as a fault at one place', (text) => expect(isLocalFault(text)).toBe(true));
  it.each([
    '16号楼停电了',
    '整个二区都黑了 没得电',
    '24座冇水啊',
    '水压很小 洗衣机都进不了水',
    '水是黄的',
    '暖气不热',
    '没气了 没法烧饭',
    '又掉电了',
  ])('reads 「%s」 as a supply off or bad', (text) => expect(isLocalFault(text)).toBe(false));
});
