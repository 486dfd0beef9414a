import type { Directory } from '../directory/directory.js';
import { partyOrgsOfTicket } from '../routing/party-orgs.js';
import { emptySignalCounts, type FormalismRow, SIGNAL_NAMES, SIGNAL_WEIGHTS } from './formalism.js';
import { computeRatesByKeys, type Rates, type RatesInput } from './rates.js';

/** A grid party branch, or a body's paired party organisation (双报到 unit). */
export type OrgKind = 'grid_branch' | 'paired';

/** One party organisation's figures: the same honest rates as a body's, over the tickets it is linked to. */
export type PartyOrgRates = {
  name: string;
  role: OrgKind;
  /** The branch secretary, or whoever receives a paired organisation's notices. */
  contact: string | null;
  rates: Rates;
  /** Its formalism signals summed over the bodies of its tickets: weight / tickets counted. */
  formalism: Omit<FormalismRow, 'key'>;
};

/**
 * The figures per party organisation (条块融合): every grid party branch over its grid's tickets, and every
 * paired organisation (双报到 unit) over the tickets of its body and the joint tickets its body was called
 * into. A ticket counts for each organisation it links; computed by `computeRates`, like the per-body lines.
 * Grid branches first (directory order), then paired organisations by name; those with nothing are left out.
 */
export function computePartyOrgRates(input: RatesInput, directory: Directory): PartyOrgRates[] {
  const links = new Map<string, { role: OrgKind; contact: string | null }>();
  const byOrg = computeRatesByKeys(input, (ticket) =>
    partyOrgsOfTicket(directory, ticket).map((link) => {
      // a called body's organisation is that body's paired one: the same organisation either way
      const role = link.role === 'grid_branch' ? 'grid_branch' : 'paired';
      links.set(link.name, { role, contact: link.contact });
      return link.name;
    }),
  );
  const branchOrder = directory.data.grids.map((g) => g.party_branch);
  const rank = (name: string) => {
    const i = branchOrder.indexOf(name);
    return i === -1 ? branchOrder.length : i;
  };
  return [...byOrg]
    .map(([name, rates]) => ({
      name,
      role: links.get(name)?.role ?? 'paired',
      contact: links.get(name)?.contact ?? null,
      rates,
      formalism: totalFormalism(rates.formalism),
    }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Several groups' formalism rows as one: signals and tickets summed, the score recomputed from the weights. */
export function totalFormalism(rows: readonly FormalismRow[]): Omit<FormalismRow, 'key'> {
  const signals = emptySignalCounts();
  let tickets = 0;
  for (const row of rows) {
    tickets += row.tickets;
    for (const name of SIGNAL_NAMES) {
      signals[name] += row.signals[name];
    }
  }
  const weight = SIGNAL_NAMES.reduce((sum, name) => sum + signals[name] * SIGNAL_WEIGHTS[name], 0);
  return { score: tickets === 0 ? 0 : weight / tickets, tickets, signals };
}
