import type { Directory } from '../directory/directory.js';
import { computePartyOrgRates } from './party-org-rates.js';
import type { RatesInput } from './rates.js';
import { PARTY_ORGS_HEADING, partyOrgLine } from './replies.js';

/** The party organisations' lines of a period under their heading; '' when no organisation had anything. */
export function partyOrgSection(input: RatesInput, directory: Directory): string {
  const lines = computePartyOrgRates(input, directory).map((o) =>
    partyOrgLine(o.name, o.contact, o.rates, o.formalism),
  );
  return lines.length === 0 ? '' : [PARTY_ORGS_HEADING, ...lines].join('\n');
}
