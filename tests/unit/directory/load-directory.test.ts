import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIRECTORY_FILE,
  loadDirectory,
  parseDirectoryText,
} from '../../../src/directory/load-directory.js';

const sample = readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8');

function problemsOf(text: string) {
  const result = parseDirectoryText(text);
  return result.success ? [] : result.problems;
}

describe('the sample community directory', () => {
  it('holds every name of fixture-community.md exactly', () => {
    const d = loadDirectory();

    expect(d.data.community).toBe('幸福里社区');
    expect(d.data.compounds.map((c) => c.name)).toEqual(['幸福里一区', '幸福里二区', '锦苑']);
    expect(d.data.grids.map((g) => [g.name, g.worker, g.party_branch, g.secretary])).toEqual([
      ['第一网格', '李明', '第一网格党支部', '赵红梅'],
      ['第二网格', '张伟', '第二网格党支部', '钱进'],
      ['第三网格', '王芳', '第三网格党支部', '孙建国'],
      ['第四网格', '陈静', '第四网格党支部', '周涛'],
    ]);
    expect(d.data.groups.map((g) => g.topic)).toEqual([
      '幸福里一区业主群',
      '幸福里二区居民群',
      '锦苑邻里群',
      '网格员工作群',
      '党员志愿者群',
      '社区治理督办群',
    ]);
    expect(d.supervisors()).toEqual(['刘桂兰', '吴晓东', '郑海']);
    expect(d.liaisonOf('property', '幸福里一区')).toBe('魏经理');
    expect(d.liaisonOf('property', '锦苑')).toBe('陶经理');
    expect(d.liaisonOf('property', '幸福里二区')).toBeNull();
    expect(d.liaisonOf('gas_co')).toBe('曹师傅');
    expect(d.compoundOfBuilding(22)?.name).toBe('幸福里二区');
    expect(d.gridOfBuilding(23)?.worker).toBe('陈静');
  });

  it('knows people by their roles', () => {
    const d = loadDirectory();

    expect(d.person('李明').roles).toEqual(['grid_worker']);
    expect(d.person('吴晓东')).toMatchObject({ roles: ['supervisor', 'liaison'], bodies: ['committee'] });
    expect(d.person('魏经理')).toMatchObject({
      roles: ['liaison'],
      bodies: ['property'],
      compounds: ['幸福里一区'],
    });
    expect(d.person('杨帆').roles).toEqual(['party_member']);
    expect(d.person('王阿姨').roles).toEqual(['resident']);
    expect(d.findBody('城管')?.id).toBe('urban_mgmt');
    expect(d.findBody('区住房和城乡建设局')?.id).toBe('housing');
  });
});

describe('parseDirectoryText', () => {
  it('names the field path and line of a wrong value', () => {
    const problems = problemsOf(
      sample.replace('buildings: 13-22, worker: 王芳', 'buildings: 13-2x, worker: 王芳'),
    );

    expect(problems).toEqual([
      { path: 'grids[2].buildings', line: 27, message: expect.stringContaining('13-2x') },
    ]);
  });

  it('refuses a grid name that a group refers to but does not exist', () => {
    const problems = problemsOf(sample.replace('grids: [第三网格]', 'grids: [第九网格]'));

    expect(problems).toEqual([
      expect.objectContaining({ path: 'groups[1].grids[0]', message: 'no grid named "第九网格"' }),
    ]);
  });

  it('refuses a building claimed by two grids', () => {
    const problems = problemsOf(
      sample.replace('buildings: 7-12, worker: 张伟', 'buildings: 6-12, worker: 张伟'),
    );

    expect(problems[0]).toMatchObject({
      path: 'grids[1].buildings',
      message: 'building 6 is already in grids[0]',
    });
  });

  it('refuses unknown keys and body ids', () => {
    expect(problemsOf(sample.replace('bot_name: 社区哨子', 'bot_nmae: 社区哨子'))[0]?.message).toMatch(
      /bot_nmae/,
    );
    expect(problemsOf(sample.replace('id: municipal', 'id: space_agency'))[0]?.path).toBe('bodies[18].id');
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('community: [unclosed\n');

    expect(problems[0]).toMatchObject({ path: '(yaml)', line: expect.any(Number) });
  });
});

describe('loadDirectory', () => {
  it('names the file in its error', () => {
    expect(() => loadDirectory('/nonexistent/dir.yaml')).toThrow(
      '/nonexistent/dir.yaml: cannot read the directory file',
    );
  });
});

describe('chat_ids', () => {
  const pinned = `${sample}\nchat_ids:\n  郑海: wxid_zhenghai\n`;

  it('lets a pinned staff member act in their roles only from their own chat id', () => {
    const result = parseDirectoryText(pinned);
    if (!result.success) {
      throw new Error(JSON.stringify(result.problems));
    }
    const d = result.directory;

    expect(d.person('郑海', 'wxid_zhenghai').roles).toEqual(['supervisor', 'liaison']);
    expect(d.person('郑海', 'wxid_impostor').roles).toEqual(['resident']);
    expect(d.isStaff('郑海', 'wxid_impostor')).toBe(false);
    expect(d.person('郑海').roles).toEqual(['supervisor', 'liaison']);
    expect(d.person('李明', 'any-id').roles).toEqual(['grid_worker']);
  });

  it('refuses an id for somebody the directory does not know', () => {
    const problems = problemsOf(`${sample}\nchat_ids:\n  张三: wxid_x\n`);

    expect(problems[0]).toMatchObject({
      path: 'chat_ids.张三',
      message: '"张三" is nobody in this directory',
    });
  });
});

describe('wecom_ids', () => {
  it("gives a staff member's WeCom id, and refuses one for somebody the directory does not know", () => {
    const result = parseDirectoryText(`${sample}\nwecom_ids:\n  李明: LiMing\n`);
    if (!result.success) {
      throw new Error(JSON.stringify(result.problems));
    }

    expect(result.directory.wecomIdOf('李明')).toBe('LiMing');
    expect(result.directory.wecomIdOf('郑海')).toBeUndefined();
    expect(problemsOf(`${sample}\nwecom_ids:\n  张三: ZhangSan\n`)[0]).toMatchObject({
      path: 'wecom_ids.张三',
      message: '"张三" is nobody in this directory',
    });
  });
});

describe('calendar', () => {
  it('reads declared holidays and make-up working days, and refuses a day not written YYYY-MM-DD', () => {
    const ok = parseDirectoryText(
      `${sample}\ncalendar:\n  holidays: ['2027-01-01']\n  workdays: [2027-01-02]\n`,
    );
    expect(ok.success && ok.directory.data.calendar).toEqual({
      holidays: ['2027-01-01'],
      workdays: ['2027-01-02'],
    });

    expect(problemsOf(`${sample}\ncalendar:\n  holidays: ['1月1日']\n`)[0]).toMatchObject({
      path: 'calendar.holidays[0]',
    });
  });
});
