import { type PartyOrgLink, pairedPartyOrg, partyOrgsOfTicket } from '../../routing/party-orgs.js';
import { assertDuration, toMilliseconds } from '../../sla/duration.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { JointBody, Ticket } from '../../tickets/ticket.js';
import { gridWorkerOf, mayWhistle } from '../authorize.js';
import { commandReplies, refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done, noticeTo, tellEach } from './context.js';
import { loadTicket, loadTicketFor, record, refuse } from './ticket-ops.js';

const WORKING = new Set(['open', 'accepted']);

/**
 * 吹哨 N 单位…: the grid worker of the ticket's grid or a supervisor calls bodies into a joint ticket; each
 * body's liaison is told to report (报到 N) within the directory's `whistle_report` time, and each body's
 * paired party organisation and the grid party branch secretary are told too. Bodies already called are
 * not called again. Reminders for not reporting are the deadline scanner's.
 */
export const whistle: CommandHandler<'whistle'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => mayWhistle(ctx.person, t),
    refusalReasons.notWhistler,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (!WORKING.has(t.status)) {
    return done(t.number, [ctx.privately(commandReplies.illegalCommand(t, 'whistle'))]);
  }
  const called = new Set(t.jointBodies.map((j) => j.body));
  const fresh: JointBody[] = command.bodies
    .filter((b) => !called.has(b))
    .map((body) => ({
      body,
      name: deps.directory.bodyDisplayName(body, t.location.compound),
      liaison: deps.directory.liaisonOf(body, t.location.compound),
      calledAt: ctx.now,
      reportedAt: null,
    }));
  if (fresh.length === 0) {
    return done(t.number, [ctx.privately(workReplies.alreadyCalled(t.number))]);
  }
  const by = new Date(
    ctx.now.getTime() + toMilliseconds(assertDuration(deps.directory.data.deadlines.whistle_report)),
  );
  const names = fresh.map((j) => j.name);
  const orgs = fresh.map((j) => pairedPartyOrg(deps.directory, j.body, t.location.compound, 'joint'));
  const branch = partyOrgsOfTicket(deps.directory, t).find((o) => o.role === 'grid_branch');
  const res = await record(deps, ctx, t, {
    type: 'whistle_called',
    detail: fresh
      .map((j, i) => `${j.body}（${j.liaison ?? '无联络人'}；${orgs[i]?.name}→${orgs[i]?.contact ?? '无'}）`)
      .join('、'),
    patch: { jointBodies: [...t.jointBodies, ...fresh] },
    outbox: [
      ctx.privately(
        workReplies.whistled(
          t.number,
          names,
          orgs.map((o) => o.name),
        ),
      ),
      ...fresh.flatMap((j, i) => whistleNotices(t, ctx.person.name, j, orgs[i], by)),
      ...(branch?.contact && branch.contact !== ctx.person.name
        ? [
            noticeTo(
              branch.contact,
              workReplies.whistlePartyNotice(t, ctx.person.name, branch.name, names.join('、')),
            ),
          ]
        : []),
    ],
  });
  return res.result;
};

/**
 * A called body's notices: its liaison is asked to report; its paired party organisation hears it through
 * its own contact, or through the liaison's notice when the directory names no contact.
 */
function whistleNotices(
  t: Ticket,
  caller: string,
  j: JointBody,
  org: PartyOrgLink | undefined,
  by: Date,
): OutboxMessage[] {
  const notice = workReplies.whistleNotice(t, caller, j.name, by);
  if (!org || org.contact === null) {
    return j.liaison ? [noticeTo(j.liaison, notice)] : [];
  }
  if (org.viaLiaison) {
    return [noticeTo(org.contact, `${notice}${workReplies.whistlePartyLine(org.name)}`)];
  }
  return [
    ...(j.liaison ? [noticeTo(j.liaison, notice)] : []),
    noticeTo(org.contact, workReplies.whistlePartyNotice(t, caller, org.name, j.name)),
  ];
}

/** 报到 N: a called body's liaison reports on a joint ticket; the grid worker is told. */
export const report: CommandHandler<'report'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const mine = t.jointBodies.filter((j) => j.liaison === ctx.person.name);
  if (mine.length === 0) {
    return refuse(ctx, t.number, refusalReasons.notCalled);
  }
  if (mine.every((j) => j.reportedAt !== null)) {
    return refuse(ctx, t.number, refusalReasons.alreadyReported);
  }
  const reporting = mine.filter((j) => j.reportedAt === null);
  const names = reporting.map((j) => j.name).join('、');
  const res = await record(deps, ctx, t, {
    type: 'whistle_reported',
    detail: reporting.map((j) => j.body).join('、'),
    patch: {
      jointBodies: t.jointBodies.map((j) =>
        j.liaison === ctx.person.name && j.reportedAt === null ? { ...j, reportedAt: ctx.now } : j,
      ),
    },
    outbox: [
      ctx.privately(workReplies.reported(t.number)),
      ...tellEach(
        t,
        [gridWorkerOf(deps.directory, t)],
        workReplies.reportNotice(t, names, ctx.person.name),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};
