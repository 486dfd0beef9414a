import type { Directory } from '../directory/directory.js';
import type { Body } from '../labels/labels.js';
import type { Ticket } from '../tickets/ticket.js';

/** How a party organisation stands to a ticket: its grid's branch, its body's pair, or a called body's pair. */
export type PartyOrgRole = 'grid_branch' | 'paired' | 'joint';

/**
 * A party organisation linked to a ticket (条块融合). `contact` is who receives its notices: the branch
 * secretary, the directory's `party_contact`, else the body's liaison standing in for it (`viaLiaison`).
 */
export type PartyOrgLink = {
  name: string;
  role: PartyOrgRole;
  body: Body | null;
  contact: string | null;
  viaLiaison: boolean;
};

type TicketPlace = Pick<Ticket, 'grid' | 'partyBranch' | 'body' | 'location' | 'jointBodies'>;

/** A body's paired party organisation (双报到 unit) at a compound, and who receives its notices. */
export function pairedPartyOrg(
  directory: Directory,
  body: Body,
  compound: string | null,
  role: 'paired' | 'joint' = 'paired',
): PartyOrgLink {
  const property = body === 'property' && compound ? directory.compoundByName(compound)?.property : null;
  const named = property ? property.party_contact : directory.body(body)?.party_contact;
  const liaison = directory.liaisonOf(body, compound);
  return {
    name: directory.partyOrgOf(body, compound),
    role,
    body,
    contact: named ?? liaison,
    viaLiaison: named === undefined && liaison !== null,
  };
}

/**
 * The one place that says which party organisations a ticket links: its grid's party branch (with the
 * branch secretary), its body's paired organisation, and the paired organisations of the bodies called by
 * 吹哨, each once, in that order. Derived from the directory, so a transfer or a whistle needs no copy.
 */
export function partyOrgsOfTicket(directory: Directory, ticket: TicketPlace): PartyOrgLink[] {
  const links: PartyOrgLink[] = [];
  if (ticket.partyBranch) {
    const grid = ticket.grid ? directory.gridByName(ticket.grid) : undefined;
    links.push({
      name: ticket.partyBranch,
      role: 'grid_branch',
      body: null,
      contact: grid?.secretary ?? null,
      viaLiaison: false,
    });
  }
  const compound = ticket.location.compound;
  if (ticket.body !== 'none') {
    links.push(pairedPartyOrg(directory, ticket.body, compound));
  }
  for (const j of ticket.jointBodies) {
    links.push(pairedPartyOrg(directory, j.body, compound, 'joint'));
  }
  const seen = new Set<string>();
  return links.filter((l) => !seen.has(l.name) && seen.add(l.name));
}

/** The names of the party organisations a ticket counts for in the statistics. */
export function partyOrgNames(directory: Directory, ticket: TicketPlace): string[] {
  return partyOrgsOfTicket(directory, ticket).map((l) => l.name);
}
