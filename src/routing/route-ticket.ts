import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import { type Body, tiaoKuaiOf } from '../labels/labels.js';
import type { TicketLocation } from '../tickets/ticket.js';
import { bodyFor } from './body-table.js';

export type Routing = {
  body: Body;
  bodyName: string;
  tiaoKuai: ReturnType<typeof tiaoKuaiOf>;
  location: TicketLocation;
  grid: string;
  gridWorker: string;
  partyBranch: string;
  liaison: string | null;
  /** The body's paired party organisation (双报到 unit). */
  pairedPartyOrg: string;
  /** Who works the ticket: the grid worker, then the body's liaison when there is one. */
  assignees: string[];
  cues: string[];
};

/**
 * Routes a classified message by the directory: place decides the body where the classifier left it to
 * property, the building decides the grid (else the group's grid, else the duty grid), the body its liaison.
 */
export function routeTicket(directory: Directory, c: Classification, roomTopic: string | null): Routing {
  const cues: string[] = [];
  const group = roomTopic ? directory.group(roomTopic) : undefined;
  const building = c.location.building;
  const byBuilding = building !== null ? directory.compoundOfBuilding(building) : undefined;
  const compoundName =
    byBuilding?.name ?? c.compound ?? (group?.kind === 'residents' ? (group.compound ?? null) : null);
  const compound = compoundName ? directory.compoundByName(compoundName) : undefined;

  // the one body table decides: the classifier's body stands when the table allows it at this place
  let body: Body =
    c.category === 'none'
      ? 'committee'
      : bodyFor(
          c.category,
          {
            kind: c.place === 'street' ? 'street' : 'compound',
            hasProperty: compound ? compound.property !== null : true,
          },
          new Map([[c.body, 1]]),
          c.intent === 'emergency',
        ).body;
  if (compound && compound.property === null && body !== c.body) {
    cues.push(`place:${compound.name} has no property company → ${body}`);
  }
  if (body === 'property' && !compound) {
    body = 'committee';
    cues.push('place:no compound known → committee dispatches');
  }

  const grid = pickGrid(directory, building, group?.grids ?? []);
  cues.push(`grid:${grid.name}${building !== null ? ` (building ${building})` : ' (by group)'}`);
  const liaison = directory.liaisonOf(body, compound?.name);
  const assignees = [...new Set([grid.worker, ...(liaison ? [liaison] : [])])];
  return {
    body,
    bodyName: directory.bodyDisplayName(body, compound?.name),
    tiaoKuai: tiaoKuaiOf(body),
    location: { compound: compound?.name ?? null, ...c.location, landmark: null },
    grid: grid.name,
    gridWorker: grid.worker,
    partyBranch: grid.party_branch,
    liaison,
    pairedPartyOrg: directory.partyOrgOf(body, compound?.name),
    assignees,
    cues,
  };
}

function pickGrid(directory: Directory, building: number | null, groupGrids: string[]) {
  const byBuilding = building !== null ? directory.gridOfBuilding(building) : undefined;
  if (byBuilding) {
    return byBuilding;
  }
  const only = groupGrids.length === 1 ? directory.gridByName(groupGrids[0] ?? '') : undefined;
  const duty = directory.gridByName(directory.data.duty_grid);
  const grid = only ?? duty ?? directory.data.grids[0];
  if (!grid) {
    throw new Error('the directory has no grid');
  }
  return grid;
}
