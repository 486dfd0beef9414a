import type { Ticket } from './ticket.js';
import { categoryName, placeText } from './ticket-text.js';

/** Event type of an offer of a volunteer ticket; its detail is `{"to":[names],"group":topic|null}` as JSON. */
export const VOLUNTEER_OFFERED = 'volunteer_offered';

export type OfferRecord = { to: string[]; group: string | null };

export const offeredDetail = (offer: OfferRecord): string => JSON.stringify(offer);

/** Whom an offer went to; nobody for a detail this version cannot read. */
export function readOffer(detail: string): OfferRecord {
  try {
    const data = JSON.parse(detail) as { to?: unknown; group?: unknown };
    return {
      to: Array.isArray(data.to) ? data.to.filter((n): n is string => typeof n === 'string') : [],
      group: typeof data.group === 'string' ? data.group : null,
    };
  } catch {
    return { to: [], group: null };
  }
}

/** The private offer to a party member (zh-CN, short; the resident's words in an excerpt, no names). */
export const volunteerOffer = (t: Ticket, excerpt: string): string =>
  `【志愿服务】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n「${excerpt}」\n` +
  `适合党员志愿者协助，愿意帮忙请回复「认领 ${t.number}」。群众确认解决后计入积分。`;

/** The same offer in the volunteers' group: whoever is free may take it. */
export const groupOffer = (t: Ticket, excerpt: string): string =>
  `【志愿服务】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n「${excerpt}」\n` +
  `哪位党员或志愿者方便协助？私聊我回复「认领 ${t.number}」即可。`;
