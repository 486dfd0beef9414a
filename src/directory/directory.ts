import type { Body } from '../labels/labels.js';
import type { BodyData, CompoundData, DirectoryData, GridData, GroupData } from './schema.js';

/** A person's roles, as the directory names them. */
export type Role =
  | 'grid_worker'
  | 'liaison'
  | 'party_member'
  | 'volunteer'
  | 'branch_secretary'
  | 'supervisor'
  | 'resident';

export type Person = {
  name: string;
  roles: Role[];
  /** Grids this person works or answers for (grid worker, branch secretary). */
  grids: string[];
  /** Bodies this person is the liaison of; `property` with its compounds for property managers. */
  bodies: Body[];
  /** Compounds a property liaison answers for. */
  compounds: string[];
};

/** Read-only queries over a validated community directory. */
export type Directory = {
  readonly data: DirectoryData;
  readonly botName: string;
  compoundOfBuilding(building: number): CompoundData | undefined;
  compoundByName(name: string): CompoundData | undefined;
  gridOfBuilding(building: number): GridData | undefined;
  gridByName(name: string): GridData | undefined;
  group(topic: string): GroupData | undefined;
  body(id: Body): BodyData | undefined;
  /** A body by id, short name (城管) or full name; undefined when none matches. */
  findBody(name: string): BodyData | undefined;
  /** The body's paired party organisation (双报到 unit). */
  partyOrgOf(id: Body, compound?: string | null): string;
  /** The liaison of a body; a property body's liaison depends on the compound. */
  liaisonOf(id: Body, compound?: string | null): string | null;
  /** Display name of the body that acts, e.g. 安居物业 for property in 幸福里一区. */
  bodyDisplayName(id: Body, compound?: string | null): string;
  /**
   * A person's roles by display name; with the sender's chat id, a name whose id the directory pins acts in
   * those roles only from that id (anyone can rename themselves to a staff member's name).
   */
  person(name: string, chatId?: string | null): Person;
  isStaff(name: string, chatId?: string | null): boolean;
  /** The WeChat id the directory pins for a staff member (`chat_ids`), if any. */
  chatIdOf(name: string): string | undefined;
  /** A staff member's WeCom user id (`wecom_ids`), if any. */
  wecomIdOf(name: string): string | undefined;
  /** A sender who uses a pinned staff member's name from another account. */
  isImpostor(name: string, chatId: string | null | undefined): boolean;
  supervisors(): string[];
};

export function createDirectory(data: DirectoryData): Directory {
  const people = indexPeople(data);
  const bodyById = new Map(data.bodies.map((b) => [b.id as Body, b]));
  const compoundByName = new Map(data.compounds.map((c) => [c.name, c]));
  const isImpostor = (name: string, chatId: string | null | undefined) => {
    const pinned = data.chat_ids[name];
    return pinned !== undefined && chatId !== undefined && chatId !== pinned;
  };
  const property = (compound?: string | null) =>
    compound ? (compoundByName.get(compound)?.property ?? null) : null;

  return {
    data,
    botName: data.bot_name,
    compoundOfBuilding: (b) => data.compounds.find((c) => c.buildings.includes(b)),
    compoundByName: (name) => compoundByName.get(name),
    gridOfBuilding: (b) => data.grids.find((g) => g.buildings.includes(b)),
    gridByName: (name) => data.grids.find((g) => g.name === name),
    group: (topic) => data.groups.find((g) => g.topic === topic),
    body: (id) => bodyById.get(id),
    findBody: (name) => {
      const key = name.trim();
      return data.bodies.find((b) => b.id === key || b.name === key || b.short.includes(key));
    },
    partyOrgOf: (id, compound) => {
      const prop = id === 'property' ? property(compound) : null;
      if (prop) {
        return prop.party_org ?? `${prop.company}党支部`;
      }
      const body = bodyById.get(id);
      return body?.party_org ?? `${body?.name ?? id}党支部`;
    },
    liaisonOf: (id, compound) => {
      if (id === 'property') {
        return property(compound)?.liaison ?? null;
      }
      return bodyById.get(id)?.liaison ?? null;
    },
    bodyDisplayName: (id, compound) => {
      const prop = id === 'property' ? property(compound) : null;
      return prop?.company ?? bodyById.get(id)?.name ?? id;
    },
    person: (name, chatId) =>
      (isImpostor(name, chatId) ? undefined : people.get(name)) ?? {
        name,
        roles: ['resident'],
        grids: [],
        bodies: [],
        compounds: [],
      },
    isStaff: (name, chatId) => people.has(name) && !isImpostor(name, chatId),
    chatIdOf: (name) => data.chat_ids[name],
    wecomIdOf: (name) => data.wecom_ids[name],
    isImpostor: (name, chatId) => people.has(name) && isImpostor(name, chatId),
    supervisors: () => data.supervisors.map((s) => s.name),
  };
}

function indexPeople(data: DirectoryData): Map<string, Person> {
  const people = new Map<string, Person>();
  const get = (name: string): Person => {
    let p = people.get(name);
    if (!p) {
      p = { name, roles: [], grids: [], bodies: [], compounds: [] };
      people.set(name, p);
    }
    return p;
  };
  const addRole = (p: Person, role: Role) => {
    if (!p.roles.includes(role)) {
      p.roles.push(role);
    }
  };
  for (const grid of data.grids) {
    const worker = get(grid.worker);
    addRole(worker, 'grid_worker');
    worker.grids.push(grid.name);
    const secretary = get(grid.secretary);
    addRole(secretary, 'branch_secretary');
    secretary.grids.push(grid.name);
  }
  for (const s of data.supervisors) {
    addRole(get(s.name), 'supervisor');
  }
  for (const body of data.bodies) {
    if (body.liaison) {
      const p = get(body.liaison);
      addRole(p, 'liaison');
      p.bodies.push(body.id as Body);
    }
  }
  for (const c of data.compounds) {
    if (c.property) {
      const p = get(c.property.liaison);
      addRole(p, 'liaison');
      if (!p.bodies.includes('property')) {
        p.bodies.push('property');
      }
      p.compounds.push(c.name);
    }
  }
  for (const m of data.party_members) {
    addRole(get(m.name), 'party_member');
  }
  for (const v of data.volunteers) {
    addRole(get(v.name), 'volunteer');
  }
  return people;
}
