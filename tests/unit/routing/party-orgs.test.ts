import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIRECTORY_FILE,
  loadDirectory,
  parseDirectoryText,
} from '../../../src/directory/load-directory.js';
import { pairedPartyOrg, partyOrgsOfTicket } from '../../../src/routing/party-orgs.js';
import { buildTicket } from '../../helpers/ticket-builder.js';

const directory = loadDirectory();
const called = (body: 'police' | 'housing' | 'property') => ({
  body,
  name: '',
  liaison: null,
  calledAt: new Date(0),
  reportedAt: null,
});

describe('partyOrgsOfTicket', () => {
  it('links the grid party branch with its secretary and the property company’s paired organisation', () => {
    const orgs = partyOrgsOfTicket(directory, buildTicket(1));

    expect(orgs).toEqual([
      { name: '第一网格党支部', role: 'grid_branch', body: null, contact: '赵红梅', viaLiaison: false },
      { name: '安居物业党支部', role: 'paired', body: 'property', contact: '魏经理', viaLiaison: true },
    ]);
  });

  it('adds the paired organisations of the bodies called by 吹哨, each once', () => {
    const t = buildTicket(2, {
      body: 'housing',
      grid: '第三网格',
      partyBranch: '第三网格党支部',
      location: { compound: '幸福里二区', building: 15, unit: null, room: null, landmark: null },
      jointBodies: [called('police'), called('housing')],
    });

    const orgs = partyOrgsOfTicket(directory, t);

    expect(orgs.map((o) => [o.name, o.role, o.contact])).toEqual([
      ['第三网格党支部', 'grid_branch', '孙建国'],
      ['区住房和城乡建设局党支部', 'paired', '蒋工'],
      ['明德派出所党支部', 'joint', '韩警官'],
    ]);
  });

  it('follows the compound for property: 锦苑 pairs with 锦程物业党支部', () => {
    const t = buildTicket(3, {
      grid: '第四网格',
      partyBranch: '第四网格党支部',
      location: { compound: '锦苑', building: 25, unit: null, room: null, landmark: null },
    });

    expect(partyOrgsOfTicket(directory, t).map((o) => [o.name, o.contact])).toEqual([
      ['第四网格党支部', '周涛'],
      ['锦程物业党支部', '陶经理'],
    ]);
  });
});

describe('pairedPartyOrg', () => {
  it('names the directory’s party_contact when there is one, instead of the liaison', () => {
    const text = readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8').replace(
      'liaison: 韩警官 }',
      'liaison: 韩警官, party_contact: 测试联络员 }',
    );
    const parsed = parseDirectoryText(text);
    if (!parsed.success) {
      throw new Error(JSON.stringify(parsed.problems));
    }

    const org = pairedPartyOrg(parsed.directory, 'police', null);

    expect(org).toEqual({
      name: '明德派出所党支部',
      role: 'paired',
      body: 'police',
      contact: '测试联络员',
      viaLiaison: false,
    });
    expect(pairedPartyOrg(directory, 'police', null)).toMatchObject({ contact: '韩警官', viaLiaison: true });
  });

  it('rejects a party_contact that is not a name', () => {
    const text = readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8').replace(
      'liaison: 韩警官 }',
      'liaison: 韩警官, party_contact: [1, 2] }',
    );

    const parsed = parseDirectoryText(text);

    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.problems[0]?.path).toMatch(/party_contact/);
  });
});
