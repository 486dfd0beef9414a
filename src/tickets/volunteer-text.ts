import type { Ticket } from './ticket.js';
import { categoryName, placeText } from './ticket-text.js';

/** Event type of an offer of a volunteer ticket; its detail is `{"to":[names]}` as JSON. */
export const VOLUNTEER_OFFERED = 'volunteer_offered';

export const offeredDetail = (to: readonly string[]): string => JSON.stringify({ to });

/** The names an offer went to; [] for a detail this version cannot read. */
export function offeredTo(detail: string): string[] {
  try {
    const data = JSON.parse(detail) as { to?: unknown };
    return Array.isArray(data.to) ? data.to.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** The private offer to a party member (zh-CN, short; the resident's words in an excerpt, no names). */
export const volunteerOffer = (t: Ticket, excerpt: string) =>
  `【志愿服务】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n「${excerpt}」\n` +
  `适合党员志愿者协助，愿意帮忙请回复「认领 ${t.number}」。群众确认解决后计入积分。`;
