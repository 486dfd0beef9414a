import type { Hono } from 'hono';
import { html } from 'hono/html';
import { formatChinaShort } from '../../clock/china-time.js';
import { readsTicket } from '../../commands/authorize.js';
import { STATUS_NAMES } from '../../commands/replies.js';
import { openBlockers } from '../../stats/open-blockers.js';
import { isOpen } from '../../stats/ticket-facts.js';
import type { Ticket } from '../../tickets/ticket.js';
import { blockerReasonName, categoryName, placeText } from '../../tickets/ticket-text.js';
import { type DashboardEnv, type DashboardState, isSupervisorPerson } from './deps.js';
import { page } from './layout.js';
import { visibleTickets } from './ticket-pages.js';

const DAY_MS = 86_400_000;

/** The deadline a late open ticket missed first: its response deadline while unanswered, else resolution. */
function missedAt(t: Ticket): Date | null {
  return (t.respondedAt === null ? t.respondBy : null) ?? t.resolveBy;
}

const age = (since: Date, now: Date) =>
  `${Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS))} 天`;

/** The overdue board and the blocker list (卡点), oldest first, in the person's scope. */
export function mountBoardPage(app: Hono<DashboardEnv>, state: DashboardState): void {
  app.get('/board', async (c) => {
    const person = c.get('person');
    const now = state.now();
    const overdue = (await visibleTickets(state, person))
      .filter((t) => isOpen(t) && t.overdue)
      .sort((a, b) => (missedAt(a)?.getTime() ?? 0) - (missedAt(b)?.getTime() ?? 0) || a.number - b.number);
    const stuck = await openBlockers(state.tickets, (t) => readsTicket(person, t));
    const link = (t: Ticket) => html`<a href="/tickets/${t.number}">#${t.number}</a>`;
    const body = html`<h2>超期未办（${overdue.length} 件，最久的在前）</h2>
<table id="overdue"><thead><tr><th>编号</th><th>类别</th><th>地点</th><th>责任单位</th><th>状态</th><th>时限</th><th>已超</th></tr></thead><tbody>${overdue.map(
      (t) => {
        const missed = missedAt(t);
        return html`<tr><td>${link(t)}</td><td>${categoryName(t.category)}</td><td>${placeText(t)}</td><td>${state.directory.bodyDisplayName(t.body, t.location.compound)}</td><td>${STATUS_NAMES[t.status]}</td><td>${missed ? formatChinaShort(missed) : '—'}</td><td class="late">${missed ? age(missed, now) : '—'}</td></tr>`;
      },
    )}</tbody></table>
<h2>卡点（${stuck.length} 件，最久的在前）</h2>
<table id="blockers"><thead><tr><th>编号</th><th>原因</th><th>说明</th><th>登记人</th><th>卡了</th></tr></thead><tbody>${stuck.map(
      (s) =>
        html`<tr><td>${link(s.ticket)}</td><td>${blockerReasonName(s.blocker.reason)}</td><td>${state.mask(s.blocker.note)}</td><td>${s.blocker.by}</td><td>${age(s.blocker.since, now)}</td></tr>`,
    )}</tbody></table>`;
    return c.html(page('超期与卡点', body, { name: person.name, supervisor: isSupervisorPerson(person) }));
  });
}
