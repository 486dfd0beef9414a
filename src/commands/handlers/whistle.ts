import { assertDuration, toMilliseconds } from '../../sla/duration.js';
import type { JointBody } from '../../tickets/ticket.js';
import { gridWorkerOf, mayWhistle } from '../authorize.js';
import { commandReplies, refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done, privateTo, tellEach } from './context.js';
import { loadTicket, loadTicketFor, record, refuse } from './ticket-ops.js';

const WORKING = new Set(['open', 'accepted']);

/**
 * 吹哨 N 单位…: the grid worker of the ticket's grid or a supervisor calls bodies into a joint ticket; each
 * body's liaison is told to report (报到 N) within the directory's `whistle_report` time. Bodies already
 * called are not called again. Reminders for not reporting are the deadline scanner's.
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
  const res = await record(deps, ctx, t, {
    type: 'whistle_called',
    detail: fresh.map((j) => `${j.body}（${j.liaison ?? '无联络人'}）`).join('、'),
    patch: { jointBodies: [...t.jointBodies, ...fresh] },
    outbox: [
      ctx.privately(workReplies.whistled(t.number, names)),
      ...fresh.flatMap((j) =>
        j.liaison ? [privateTo(j.liaison, workReplies.whistleNotice(t, ctx.person.name, j.name, by))] : [],
      ),
    ],
  });
  return res.result;
};

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
        [gridWorkerOf(deps.directory, t)],
        workReplies.reportNotice(t, names, ctx.person.name),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};
