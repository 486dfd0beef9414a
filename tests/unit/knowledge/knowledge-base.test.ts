import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDirectory, parseDirectoryText } from '../../../src/directory/load-directory.js';
import { heldOutAsks } from '../../../src/knowledge/evaluate.js';
import { createKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import {
  checkKnowledgeText,
  knowledgeFileBeside,
  loadKnowledgeBase,
} from '../../../src/knowledge/load-knowledge.js';
import type { KnowledgeEntryData } from '../../../src/knowledge/schema.js';
import { createSearchIndex, termsOf } from '../../../src/knowledge/search.js';

const directory = loadDirectory();

const ENTRIES: KnowledgeEntryData[] = [
  {
    id: 'office-hours',
    title: '居委会办公时间',
    asks: ['居委会几点上班', '社区周末有人吗', '社区办公时间', '居委会什么时候开门', '周六社区开门吗'],
    answer: '居委会周一至周五8:30—17:30办公，周六上午有人值班。',
    body: 'committee',
  },
  {
    id: 'senior-card',
    title: '老年卡',
    asks: ['老年卡怎么办', '老年优待证在哪办', '办老年卡要带什么', '老人坐公交的卡', '敬老卡去哪办'],
    answer: '年满60周岁可办老年优待证，带身份证和照片到社区服务中心办理。',
    body: 'civil_affairs',
  },
  {
    id: 'yiqu-parking',
    title: '一区停车证',
    asks: ['一区停车证怎么办', '一区车位', '一区访客停车', '一区停车收费', '一区月卡'],
    answer: '一区停车证到安居物业客服中心办理。',
    body: 'property',
    compounds: ['幸福里一区'],
  },
];

describe('the knowledge base', () => {
  const kb = createKnowledgeBase(directory, ENTRIES);

  it('answers a question worded unlike any of its phrasings with the entry both readers put first', () => {
    const got = kb.answer({ text: '请问居委会星期六上不上班啊', room: null });
    expect(got).toMatchObject({ kind: 'answered', entryId: 'office-hours', body: 'committee' });
    expect(got.kind === 'answered' && got.text).toContain('周六上午有人值班');
  });

  it('reads a folded YAML answer without the spaces folding puts between Chinese sentences', () => {
    const folded = createKnowledgeBase(directory, [
      {
        ...(ENTRIES[0] as KnowledgeEntryData),
        answer: '居委会周一至周五办公。 周六上午有人值班， 周日休息。',
      },
    ]);
    const got = folded.answer({ text: '请问居委会星期六上不上班啊', room: null });
    expect(got.kind === 'answered' && got.text).toBe('居委会周一至周五办公。周六上午有人值班，周日休息。');
  });

  it('does not answer what it has no entry for, and names no lead when nothing is related', () => {
    expect(kb.answer({ text: '明德中学今年的录取分数线是多少', room: null })).toEqual({
      kind: 'unanswered',
      body: null,
    });
  });

  it('answers an entry only where it applies: 一区 parking is not 锦苑’s', () => {
    expect(kb.answer({ text: '一区停车证怎么办理', room: '幸福里一区业主群' })).toMatchObject({
      entryId: 'yiqu-parking',
    });
    expect(kb.answer({ text: '一区停车证怎么办理', room: '锦苑邻里群' }).kind).toBe('unanswered');
  });

  it('answers the directory’s own facts for the asker’s building or group', () => {
    const worker = kb.answer({ text: '我们19号楼的网格员是谁', room: '幸福里二区居民群' });
    expect(worker).toMatchObject({ kind: 'answered', entryId: 'directory-grid-worker' });
    expect(worker.kind === 'answered' && worker.text).toContain('19号楼属于第三网格');
    expect(worker.kind === 'answered' && worker.text).toContain('王芳');
    const property = kb.answer({ text: '我们小区有没有物业公司', room: '幸福里二区居民群' });
    expect(property.kind === 'answered' && property.text).toContain(
      '幸福里二区（13–22号楼）是老旧小区，没有物业公司',
    );
  });

  it('names the entries it takes for one another, so the office can merge them or tell them apart', () => {
    const twin: KnowledgeEntryData = {
      id: 'senior-card-again',
      title: '老年优待证',
      asks: ['老年卡怎么办理', '老年优待证去哪办', '办老年卡带什么', '老人公交卡', '敬老卡在哪办'],
      answer: '年满60周岁可办老年优待证，带身份证和照片到社区服务中心办理。',
      body: 'civil_affairs',
    };

    const r = heldOutAsks(directory, [...ENTRIES, twin], 5);

    expect(r.confusions[0]?.entries).toEqual(['senior-card', 'senior-card-again']);
    expect(r.confusions.every((c) => c.entries.includes('senior-card'))).toBe(true);
    expect(heldOutAsks(directory, ENTRIES, 5).confusions).toEqual([]);
  });

  it('scores held-out phrasings of its own entries', () => {
    const r = heldOutAsks(directory, ENTRIES, 5);
    expect(r.asked).toBe(15);
    expect(r.right + r.wrong + r.unanswered).toBe(15);
    expect(r.wrong).toBe(0);
  });
});

describe('the search terms and index', () => {
  it('folds synonyms and keeps the bigrams of Chinese runs, without stop words', () => {
    const terms = termsOf('@社区哨子 请问居委会几点上班？');
    expect(terms).toContain('w:办公');
    expect(terms).toContain('b:委会');
    expect(terms).not.toContain('w:请问');
    expect(terms.some((t) => t.includes('哨子'))).toBe(false);
  });

  it('counts a word no document has as what the question is about: low coverage', () => {
    const index = createSearchIndex([
      { id: 'a', fields: [{ text: '垃圾分类 有害垃圾 废电池', weight: 1 }] },
      { id: 'b', fields: [{ text: '快递柜 位置', weight: 1 }] },
    ]);
    const [covered] = index.search('废电池放哪里');
    const [partly] = index.search('纸尿裤算什么垃圾');
    expect(covered?.id).toBe('a');
    expect(partly?.id).toBe('a');
    expect(covered?.coverage).toBeGreaterThan(partly?.coverage ?? 1);
  });
});

describe('the knowledge base file', () => {
  it('lives beside the directory', () => {
    expect(knowledgeFileBeside('/etc/shaozi/xingfuli.yaml')).toBe('/etc/shaozi/xingfuli-kb.yaml');
  });

  it('names each problem with its field: a repeated id, an unknown compound, a missing answer', () => {
    const text = [
      'community: 幸福里社区',
      'entries:',
      '  - { id: a-b, title: 甲, asks: [问], answer: 答, body: committee, compounds: [幸福里三区] }',
      '  - { id: a-b, title: 乙, asks: [问], body: committee }',
    ].join('\n');
    const problems = checkKnowledgeText(text, directory);
    expect(problems).toContain('entries[1].answer: Invalid input: expected string, received undefined');
    expect(
      checkKnowledgeText(
        text.replace('\n  - { id: a-b, title: 乙, asks: [问], body: committee }', ''),
        directory,
      ),
    ).toEqual(['entries[0].compounds: "幸福里三区" is not a compound of the directory']);
    expect(
      checkKnowledgeText(
        text
          .replace('body: committee }', 'answer: 答, body: committee }')
          .replace(', compounds: [幸福里三区]', ''),
        directory,
      ),
    ).toEqual(['entries[1].id: "a-b" is used twice']);
  });

  it('ships a valid knowledge base for the sample community, and a missing file is an empty one', () => {
    expect(loadKnowledgeBase(knowledgeFileBeside('directory/xingfuli.yaml'), directory).size).toBeGreaterThan(
      50,
    );
    expect(loadKnowledgeBase('/nonexistent/kb.yaml', directory).size).toBe(2);
  });

  it('builds a knowledge base once per text and directory in a process, and a directory that differs gets its own', () => {
    const file = knowledgeFileBeside('directory/xingfuli.yaml');
    const first = loadKnowledgeBase(file, directory);
    // the same text and a directory loaded again with the same data: the one already built
    expect(loadKnowledgeBase(file, loadDirectory())).toBe(first);
    const renamed = parseDirectoryText(
      readFileSync('directory/xingfuli.yaml', 'utf8').replace('幸福里一区业主群', '幸福里一区邻里群'),
    );
    if (!renamed.success) {
      throw new Error('the edited directory should be valid');
    }
    expect(loadKnowledgeBase(file, renamed.directory)).not.toBe(first);
    // a model cache given by the caller is the caller's own: nothing is shared
    const own = { read: () => undefined, write: () => {} };
    expect(loadKnowledgeBase(file, directory, own)).not.toBe(first);
  });
});
