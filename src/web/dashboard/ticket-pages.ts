import type { Hono } from 'hono';
import { html } from 'hono/html';
import { formatChinaShort } from '../../clock/china-time.js';
import { readsTicket } from '../../commands/authorize.js';
import { STATUS_NAMES, stepText } from '../../commands/replies.js';
import type { Person } from '../../directory/directory.js';
import { CATEGORIES } from '../../labels/labels.js';
import { openBlocker } from '../../tickets/blockers.js';
import type { Ticket } from '../../tickets/ticket.js';
import { TICKET_STATUSES } from '../../tickets/ticket.js';
import { blockerReasonName, categoryName, placeText } from '../../tickets/ticket-text.js';
import { type DashboardEnv, type DashboardState, isSupervisorPerson } from './deps.js';
import { type Html, page } from './layout.js';
import { type ListQuery, matchesQuery, readListQuery } from './ticket-filters.js';

/** The most rows one list page shows; the count above it says how many matched. */
export const LIST_LIMIT = 200;

const who = (p: Person) => ({ name: p.name, supervisor: isSupervisorPerson(p) });
const when = (d: Date | null) => (d ? formatChinaShort(d) : '—');

/** The tickets a person may open: those they work, are called into, or answer for as branch secretary. */
export async function visibleTickets(state: DashboardState, person: Person): Promise<Ticket[]> {
  return (await state.tickets.listTickets()).filter((t) => readsTicket(person, t));
}

function options(values: ReadonlyArray<readonly [string, string]>, chosen: string): Html {
  return html`<option value="">全部</option>${values.map(
    ([v, label]) => html`<option value="${v}"${chosen === v ? ' selected' : ''}>${label}</option>`,
  )}`;
}

function filterForm(state: DashboardState, q: ListQuery): Html {
  const d = state.directory.data;
  const select = (name: keyof ListQuery, label: string, values: ReadonlyArray<readonly [string, string]>) =>
    html`<label>${label}<select name="${name}">${options(values, q[name])}</select></label>`;
  return html`<form class="filters" method="get" action="/tickets">
${select(
  'status',
  '状态',
  TICKET_STATUSES.map((s) => [s, STATUS_NAMES[s]] as const),
)}
${select(
  'body',
  '责任单位',
  d.bodies.map((b) => [b.id, b.name] as const),
)}
${select(
  'grid',
  '网格',
  d.grids.map((g) => [g.name, g.name] as const),
)}
${select(
  'branch',
  '党支部',
  d.grids.map((g) => [g.party_branch, g.party_branch] as const),
)}
${select(
  'category',
  '类别',
  CATEGORIES.filter((c) => c !== 'none').map((c) => [c, categoryName(c)] as const),
)}
${select('overdue', '超期', [['1', '仅超期']])}
<label>起<input type="date" name="from" value="${q.from}"></label><label>止<input type="date" name="to" value="${q.to}"></label>
<label>搜索<input name="q" value="${q.q}" placeholder="编号、内容、地点"></label><button>筛选</button></form>`;
}

function ticketRow(state: DashboardState, t: Ticket): Html {
  return html`<tr><td><a href="/tickets/${t.number}">#${t.number}</a></td><td>${categoryName(t.category)}</td>
<td>${placeText(t)}</td><td class="wide">${state.directory.bodyDisplayName(t.body, t.location.compound)}</td>
<td class="wide">${t.grid ?? '—'}</td><td>${STATUS_NAMES[t.status]}${t.overdue ? html` <span class="late">超期</span>` : ''}</td>
<td class="wide">${when(t.createdAt)}</td></tr>`;
}

/** The ticket list with filters and search, and the ticket page with its history, photos and chain. */
export function mountTicketPages(app: Hono<DashboardEnv>, state: DashboardState): void {
  const chainStatus = chainChecker(state);
  app.get('/tickets', async (c) => {
    const person = c.get('person');
    const q = readListQuery((k) => c.req.query(k));
    const rows = (await visibleTickets(state, person))
      .filter((t) => matchesQuery(t, q, state.directory))
      .sort((a, b) => b.number - a.number);
    const body = html`${filterForm(state, q)}<p class="muted" id="count">共 ${rows.length} 件${
      rows.length > LIST_LIMIT ? `，显示最新 ${LIST_LIMIT} 件` : ''
    }</p>
<table id="tickets"><thead><tr><th>编号</th><th>类别</th><th>地点</th><th class="wide">责任单位</th><th class="wide">网格</th><th>状态</th><th class="wide">登记时间</th></tr></thead>
<tbody>${rows.slice(0, LIST_LIMIT).map((t) => ticketRow(state, t))}</tbody></table>`;
    return c.html(page('工单', body, who(person)));
  });

  app.get('/tickets/:n{[0-9]+}', async (c) => {
    const person = c.get('person');
    const t = await state.tickets.getTicket(Number(c.req.param('n')));
    // another scope's ticket reads as no ticket: a URL tells nobody what exists
    if (!t || !readsTicket(person, t)) {
      return c.html(
        page('没有这件工单', html`<p>没有找到这件工单，或它不在您的范围内。</p>`, who(person)),
        404,
      );
    }
    const events = await state.tickets.events(t.number);
    const blocker = openBlocker(events);
    const chain = await chainStatus();
    const photos = t.evidence.map((e, i) => ({ e, i })).filter(({ e }) => e.kind === 'photo');
    const body = html`<div class="card"><dl>
<dt>状态</dt><dd>${STATUS_NAMES[t.status]}${t.overdue ? html` <span class="late">超期</span>` : ''}</dd>
<dt>类别</dt><dd>${categoryName(t.category)}</dd><dt>地点</dt><dd>${placeText(t)}</dd>
<dt>责任单位</dt><dd>${state.directory.bodyDisplayName(t.body, t.location.compound)}</dd>
<dt>网格 / 党支部</dt><dd>${t.grid ?? '—'} / ${t.partyBranch ?? '—'}</dd>
<dt>承办人</dt><dd>${t.assignees.join('、') || '—'}</dd>
<dt>反映人</dt><dd>${t.reporter}${t.coReporters.length > 0 ? `（另有 ${t.coReporters.join('、')} 也反映）` : ''}</dd>
<dt>登记</dt><dd>${when(t.createdAt)}</dd><dt>响应时限</dt><dd>${when(t.respondBy)}</dd><dt>办结时限</dt><dd>${when(t.resolveBy)}</dd>
${blocker ? html`<dt>卡点</dt><dd class="late">${blockerReasonName(blocker.reason)}：${state.mask(blocker.note)}（${blocker.by}，${when(blocker.since)} 起）</dd>` : ''}
<dt>审计链</dt><dd id="chain" class="${chain.ok ? 'ok' : 'late'}">${chain.text}</dd>
</dl><p id="text">${state.mask(t.text)}</p></div>
${photos.length > 0 ? html`<h2>现场照片</h2><div class="card">${photos.map(({ e, i }) => html`<figure><img class="evidence" src="/tickets/${t.number}/evidence/${i}" alt="${e.by} 的照片"><figcaption class="muted">${e.by}，${when(e.at)}</figcaption></figure>`)}</div>` : ''}
<h2>办理经过</h2><ol class="card" id="history">${events.map(
      (e) =>
        html`<li>${state.mask(stepText({ at: e.at, actor: e.actor, type: e.type, detail: e.detail }, true))}</li>`,
    )}</ol>`;
    return c.html(page(`工单 #${t.number}`, body, who(person)));
  });

  app.get('/tickets/:n{[0-9]+}/evidence/:i{[0-9]+}', async (c) => {
    const t = await state.tickets.getTicket(Number(c.req.param('n')));
    if (!t || !readsTicket(c.get('person'), t)) {
      return c.text('没有这张照片。', 404);
    }
    const e = t.evidence[Number(c.req.param('i'))];
    const bytes = e && e.kind === 'photo' ? await state.media.read(e.ref) : undefined;
    if (!bytes) {
      return c.text('照片文件已不在。', 404);
    }
    return c.body(Buffer.from(bytes), 200, {
      'content-type': imageType(e?.ref ?? ''),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
  });
}

function imageType(ref: string): string {
  const ext = ref.toLowerCase().split('.').pop();
  return ext === 'png'
    ? 'image/png'
    : ext === 'gif'
      ? 'image/gif'
      : ext === 'webp'
        ? 'image/webp'
        : 'image/jpeg';
}

/** The whole chain checked at most once a minute, or when its head moved. */
function chainChecker(state: DashboardState): () => Promise<{ ok: boolean; text: string }> {
  let last: { head: number; at: number; result: { ok: boolean; text: string } } | undefined;
  return async () => {
    const head = await state.tickets.auditHead();
    const now = state.now().getTime();
    if (last && last.head === head.eventId && now - last.at < 60_000) {
      return last.result;
    }
    const audit = await state.tickets.verifyAudit();
    const result = audit.ok
      ? { ok: true, text: `完整（${audit.events} 条记录已逐条校验）` }
      : { ok: false, text: '校验未通过：记录可能被改动，请联系管理员' };
    last = { head: head.eventId, at: now, result };
    return result;
  };
}
