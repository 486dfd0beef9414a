import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIRECTORY_FILE,
  loadDirectory,
  parseDirectoryText,
} from '../../../src/directory/load-directory.js';

const sample = readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8');
const TEAM = `  - name: 水电维修志愿队
    kind: volunteers
    lead: 马振华
    offers: [老人和残疾人家中小型水电维修]
`;

function problemsOf(text: string) {
  const result = parseDirectoryText(text);
  return result.success ? [] : result.problems;
}

/** The sample with the water team's entry changed by `edit` (its text after the `offers` line). */
function withTeam(edit: (rest: string) => string): string {
  const start = sample.indexOf(TEAM) + TEAM.length;
  const end = sample.indexOf('  - name: 明德律师事务所');
  return sample.slice(0, start) + edit(sample.slice(start, end)) + sample.slice(end);
}

describe('the sample community’s resources', () => {
  it('ships the five named resources and more, each with skills, capacity and contact', () => {
    const { resources } = loadDirectory().data;

    expect(resources.length).toBeGreaterThanOrEqual(8);
    expect(resources.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        '区人民医院党支部',
        '明德中学',
        '水电维修志愿队',
        '明德律师事务所',
        '夕阳红助老服务社',
      ]),
    );
    for (const r of resources) {
      expect(r.skills.categories.length + r.skills.keywords.length).toBeGreaterThan(0);
      expect((r.capacity.at_once ?? 0) + (r.capacity.per_month ?? 0)).toBeGreaterThan(0);
      expect(r.contact.length).toBeGreaterThan(0);
    }
    expect(resources.find((r) => r.name === '水电维修志愿队')).toMatchObject({
      contact: '马振华',
      skills: { compounds: ['幸福里二区'] },
    });
  });
});

describe('parseDirectoryText on resources', () => {
  it('refuses a category that does not exist, naming the field and its line', () => {
    const text = withTeam((rest) => rest.replace('water_supply, power', 'plumbing, power'));

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources[2].skills.categories[0]',
        line: expect.any(Number),
        message: expect.stringContaining('no category "plumbing"'),
      },
    ]);
  });

  it('refuses a resource without a contact', () => {
    const text = withTeam((rest) => rest.replace('    contact: 马振华\n', ''));

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources[2].contact',
        line: expect.any(Number),
        message: 'a resource needs a contact: the person told when it is engaged',
      },
    ]);
  });

  it('refuses an empty contact, a capacity without a limit and skills that can never match', () => {
    const text = withTeam((rest) =>
      rest
        .replace('contact: 马振华', 'contact: " "')
        .replace('capacity: { at_once: 3 }', 'capacity: {}')
        .replace(/ {6}categories: .*\n {6}keywords: .*\n/, ''),
    );

    expect(problemsOf(text).map((p) => [p.path, p.message])).toEqual(
      expect.arrayContaining([
        ['resources[2].contact', 'a resource needs a contact: the person told when it is engaged'],
        ['resources[2].capacity', expect.stringContaining('at_once')],
        ['resources[2].skills', expect.stringContaining('at least one category or keyword')],
      ]),
    );
  });

  it('refuses a compound that does not exist and a resource listed twice', () => {
    const renamed = withTeam((rest) => rest.replace('compounds: [幸福里二区]', 'compounds: [幸福里三区]'));
    const twice = sample.replace('  - name: 明德中学', '  - name: 区人民医院党支部');

    expect(problemsOf(renamed)).toEqual([
      expect.objectContaining({
        path: 'resources[2].skills.compounds[0]',
        message: 'no compound named "幸福里三区"',
      }),
    ]);
    expect(problemsOf(twice)).toEqual([
      expect.objectContaining({
        path: 'resources[1].name',
        message: 'resource "区人民医院党支部" is listed twice',
      }),
    ]);
  });

  it('refuses an unknown kind and a capacity that is not a positive whole number', () => {
    const text = withTeam((rest) =>
      rest.replace('capacity: { at_once: 3 }', 'capacity: { at_once: 0 }'),
    ).replace('kind: volunteers', 'kind: charity');

    expect(problemsOf(text).map((p) => p.path)).toEqual([
      'resources[2].kind',
      'resources[2].capacity.at_once',
    ]);
  });

  it('lets a resource contact be pinned to a chat id, but not a name nobody has', () => {
    const pinned = parseDirectoryText(`${sample}\nchat_ids: { 罗律师: wxid-luo }\n`);
    const stranger = problemsOf(`${sample}\nchat_ids: { 罗大律师: wxid-luo }\n`);

    expect(pinned.success).toBe(true);
    expect(stranger).toEqual([expect.objectContaining({ path: 'chat_ids.罗大律师' })]);
  });
});
