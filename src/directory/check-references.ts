import type { DirectoryData } from './schema.js';

export type ReferenceProblem = { path: string; at: (string | number)[]; message: string };

/** Cross-field checks zod cannot express: names that must refer to something, buildings in one place only. */
export function checkReferences(data: DirectoryData): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const grids = new Set(data.grids.map((g) => g.name));
  const compounds = new Set(data.compounds.map((c) => c.name));
  const add = (at: (string | number)[], message: string) =>
    problems.push({
      path: at.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join(''),
      at,
      message,
    });

  if (!grids.has(data.duty_grid)) {
    add(['duty_grid'], `no grid named "${data.duty_grid}"`);
  }
  checkUnique(
    data.compounds.map((c) => c.buildings),
    'compounds',
    add,
  );
  checkUnique(
    data.grids.map((g) => g.buildings),
    'grids',
    add,
  );
  data.groups.forEach((group, i) => {
    group.grids.forEach((g, j) => {
      if (!grids.has(g)) {
        add(['groups', i, 'grids', j], `no grid named "${g}"`);
      }
    });
    if (group.compound !== undefined && !compounds.has(group.compound)) {
      add(['groups', i, 'compound'], `no compound named "${group.compound}"`);
    }
    if (group.kind === 'residents' && group.grids.length === 0) {
      add(['groups', i, 'grids'], 'a residents group needs at least one grid');
    }
  });
  const people = new Set([
    ...data.grids.flatMap((g) => [g.worker, g.secretary]),
    ...data.supervisors.map((s) => s.name),
    ...data.bodies.flatMap((b) => (b.liaison ? [b.liaison] : [])),
    ...data.compounds.flatMap((c) => (c.property ? [c.property.liaison] : [])),
    ...data.party_members.map((m) => m.name),
    ...data.volunteers.map((v) => v.name),
    ...data.resources.map((r) => r.contact),
  ]);
  for (const key of ['chat_ids', 'wecom_ids'] as const) {
    for (const name of Object.keys(data[key])) {
      if (!people.has(name)) {
        add([key, name], `"${name}" is nobody in this directory`);
      }
    }
  }
  const bodyIds = new Set<string>();
  data.bodies.forEach((body, i) => {
    if (bodyIds.has(body.id)) {
      add(['bodies', i, 'id'], `body "${body.id}" is listed twice`);
    }
    bodyIds.add(body.id);
  });
  checkResources(data, compounds, add);
  const branches = new Set(data.grids.map((g) => g.party_branch));
  data.party_members.forEach((m, i) => {
    if (!branches.has(m.branch)) {
      add(['party_members', i, 'branch'], `no grid party branch named "${m.branch}"`);
    }
  });
  const gridNames = new Set(data.grids.map((g) => g.name));
  data.volunteers.forEach((v, i) => {
    if (!gridNames.has(v.grid)) {
      add(['volunteers', i, 'grid'], `no grid named "${v.grid}"`);
    }
  });
  for (const required of ['committee', 'street_office', 'property']) {
    if (!bodyIds.has(required)) {
      add(['bodies'], `the body "${required}" is required`);
    }
  }
  return problems;
}

function checkUnique(
  lists: number[][],
  section: string,
  add: (at: (string | number)[], message: string) => void,
): void {
  const owner = new Map<number, number>();
  lists.forEach((buildings, i) => {
    for (const b of buildings) {
      const first = owner.get(b);
      if (first !== undefined && first !== i) {
        add([section, i, 'buildings'], `building ${b} is already in ${section}[${first}]`);
        return;
      }
      owner.set(b, i);
    }
  });
}

/** Resource names are what `对接 N 资源名` types, so each is unique; the compounds a resource serves exist. */
function checkResources(
  data: DirectoryData,
  compounds: ReadonlySet<string>,
  add: (at: (string | number)[], message: string) => void,
): void {
  const names = new Set<string>();
  data.resources.forEach((resource, i) => {
    if (names.has(resource.name)) {
      add(['resources', i, 'name'], `resource "${resource.name}" is listed twice`);
    }
    names.add(resource.name);
    resource.skills.compounds.forEach((c, j) => {
      if (!compounds.has(c)) {
        add(['resources', i, 'skills', 'compounds', j], `no compound named "${c}"`);
      }
    });
  });
}
