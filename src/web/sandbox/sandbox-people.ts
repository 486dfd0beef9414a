import type { Directory, Person, Role } from '../../directory/directory.js';

/** A person the sandbox page offers as a speaker, with their roles in words. */
export type Speaker = { name: string; role: string; group: SpeakerGroup };

/** How the page's speaker picker groups people. */
export type SpeakerGroup = '居民' | '网格员' | '社区领导' | '网格党支部书记' | '单位联络人' | '党员和志愿者';

const GROUP_ORDER: SpeakerGroup[] = [
  '居民',
  '网格员',
  '社区领导',
  '网格党支部书记',
  '单位联络人',
  '党员和志愿者',
];

const GROUP_OF_ROLE: Record<Role, SpeakerGroup> = {
  resident: '居民',
  grid_worker: '网格员',
  supervisor: '社区领导',
  branch_secretary: '网格党支部书记',
  liaison: '单位联络人',
  party_member: '党员和志愿者',
  volunteer: '党员和志愿者',
};

/** A person's roles in the directory's words: 第一网格网格员, 社区党委书记, 安居物业联络人…; 居民 for anyone else. */
export function roleText(directory: Directory, name: string): string {
  const person = directory.person(name);
  const parts = person.roles.flatMap((role) => roleWords(directory, person, role));
  return parts.length > 0 ? [...new Set(parts)].join('、') : '居民';
}

function roleWords(directory: Directory, person: Person, role: Role): string[] {
  const d = directory.data;
  const { name } = person;
  switch (role) {
    case 'grid_worker':
      return d.grids.filter((g) => g.worker === name).map((g) => `${g.name}网格员`);
    case 'branch_secretary':
      return d.grids.filter((g) => g.secretary === name).map((g) => `${g.party_branch}书记`);
    case 'supervisor':
      return d.supervisors.filter((s) => s.name === name).map((s) => s.title);
    case 'liaison':
      return [
        ...person.bodies.filter((b) => b !== 'property').map((b) => `${directory.bodyDisplayName(b)}联络人`),
        ...person.compounds.map((c) => `${directory.bodyDisplayName('property', c)}联络人`),
      ];
    case 'party_member':
      return d.party_members.filter((m) => m.name === name).map((m) => `党员（${m.branch}）`);
    case 'volunteer':
      return d.volunteers.filter((v) => v.name === name).map((v) => `志愿者（${v.grid}）`);
    case 'resident':
      return ['居民'];
  }
}

/**
 * Everyone the page offers as a speaker: the sandbox's people (the directory's staff, the sample residents,
 * anyone who has spoken) and the directory's volunteers, grouped by their first role.
 */
export function speakersOf(directory: Directory, people: readonly string[]): Speaker[] {
  const names = [...new Set([...people, ...directory.data.volunteers.map((v) => v.name)])];
  const speakers = names.map((name) => {
    const first = directory.person(name).roles[0] ?? 'resident';
    return { name, role: roleText(directory, name), group: GROUP_OF_ROLE[first] };
  });
  return GROUP_ORDER.flatMap((group) => speakers.filter((s) => s.group === group));
}
