import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDirectory, parseDirectoryText } from '../../../src/directory/load-directory.js';
import {
  OFFER_BATCH,
  OFFERS_PER_DAY,
  pickOfferees,
  volunteerSuitable,
  volunteersOfGrid,
} from '../../../src/routing/volunteer-offers.js';
import { buildTicket } from '../../helpers/ticket-builder.js';

describe('who is offered a volunteer ticket', () => {
  const directory = loadDirectory();
  const tidy = buildTicket(1, {
    category: 'sanitation',
    grid: '第一网格',
    intent: 'grievance',
    urgency: 'normal',
  });

  it('offers the categories the directory lists, never an emergency', () => {
    expect(volunteerSuitable(directory, tidy)).toBe(true);
    expect(volunteerSuitable(directory, { ...tidy, category: 'elevator' })).toBe(false);
    expect(volunteerSuitable(directory, { ...tidy, urgency: 'emergency' })).toBe(false);
  });

  it('asks the members of the grid’s own party branch, young ones first', () => {
    expect(volunteersOfGrid(directory, tidy, 2026)).toEqual(['杨帆']);
    expect(volunteersOfGrid(directory, { ...tidy, grid: '第三网格' }, 2026)).toEqual(['马振华']);
    const data = structuredClone(directory.data);
    data.party_members.push(
      { name: '老党员甲', branch: '第一网格党支部', young: false },
      { name: '小党员乙', branch: '第一网格党支部', young: false, born: 1998 },
    );
    expect(volunteersOfGrid({ data }, tidy, 2026)).toEqual(['杨帆', '小党员乙', '老党员甲']);
  });

  it('a few at a time, nobody more than the daily cap, not those already on it', () => {
    const all = ['甲', '乙', '丙', '丁'];
    expect(pickOfferees(all, new Map())).toHaveLength(OFFER_BATCH);
    expect(pickOfferees(all, new Map([['甲', OFFERS_PER_DAY]]))).toEqual(['乙', '丙']);
    expect(pickOfferees(all, new Map(), new Set(['乙']))).toEqual(['甲', '丙']);
    expect(pickOfferees(['甲'], new Map([['甲', OFFERS_PER_DAY]]))).toEqual([]);
  });

  it('reads volunteer categories and years of birth from the directory, with clear errors', () => {
    const text = readFileSync('directory/xingfuli.yaml', 'utf8');
    const custom = parseDirectoryText(
      `${text.replace('  - { name: 杨帆, branch: 第一网格党支部, young: true }', '  - { name: 杨帆, branch: 第一网格党支部, born: 1999 }')}\nvolunteer_categories: [greenery]\n`,
    );
    expect(custom.success).toBe(true);
    if (custom.success) {
      expect(custom.directory.data.volunteer_categories).toEqual(['greenery']);
      expect(volunteerSuitable(custom.directory, tidy)).toBe(false);
      expect(volunteersOfGrid(custom.directory, tidy, 2026)).toEqual(['杨帆']);
    }
    // volunteers of the grid follow its party members, the young first
    expect(volunteersOfGrid(directory, { ...tidy, grid: '第四网格' }, 2026)).toEqual(['林悦', '唐晓宇']);
    expect(volunteersOfGrid(directory, { ...tidy, grid: '第二网格' }, 2026)).toEqual(['何秀英']);
    const wrongBranch = parseDirectoryText(
      text.replace('branch: 第一网格党支部, young: true', 'branch: 第九网格党支部, young: true'),
    );
    expect(wrongBranch.success ? [] : wrongBranch.problems.map((p) => p.message)).toContain(
      'no grid party branch named "第九网格党支部"',
    );
    const wrongGrid = parseDirectoryText(
      text.replace('{ name: 何秀英, grid: 第二网格', '{ name: 何秀英, grid: 第九网格'),
    );
    expect(wrongGrid.success ? [] : wrongGrid.problems.map((p) => p.message)).toContain(
      'no grid named "第九网格"',
    );
    const bad = parseDirectoryText(`${text}\nvolunteer_categories: [gardening]\n`);
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.problems.map((p) => p.path).join(' ')).toContain('volunteer_categories');
    }
  });
});
