import { findResource, matchResources, type Need } from '../../routing/match-resources.js';
import { capacityLeft, loadResourceLoad, remainingOf } from '../../routing/resource-load.js';
import { engagementDetail, engagementsOf } from '../../tickets/resource-engagements.js';
import type { Ticket } from '../../tickets/ticket.js';
import { gridWorkerOf, handles, readsTicket } from '../authorize.js';
import { commandReplies, refusalReasons } from '../replies.js';
import { resourceReplies } from '../resource-replies.js';
import type { CommandHandler } from './context.js';
import { done, tellEach } from './context.js';
import { loadTicketFor, record } from './ticket-ops.js';

const WORKING = new Set(['open', 'accepted']);

const needOf = (t: Ticket): Need => ({ category: t.category, text: t.text, compound: t.location.compound });

/** 资源 N: the resources that fit the ticket's need, best first, with contact and capacity left, privately. */
export const resources: CommandHandler<'resources'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => readsTicket(ctx.person, t),
    refusalReasons.notInScope,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const engaged = engagementsOf(await deps.tickets.events(t.number)).map((e) => e.resource);
  const load = await loadResourceLoad(deps.tickets, ctx.now);
  const { matches, atCapacity } = matchResources(deps.directory.data.resources, needOf(t), load);
  const fresh = matches.filter((m) => !engaged.includes(m.resource.name));
  const full = atCapacity.filter((r) => !engaged.includes(r.name));
  return done(t.number, [ctx.privately(resourceReplies.list(t, fresh, [...new Set(engaged)], full))]);
};

/**
 * 对接 N 资源名: a handler of a working ticket engages a resource of the directory (any, not only those that
 * match). The event counts against the resource's capacity, and its contact is told privately.
 */
export const engage: CommandHandler<'engage'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => handles(ctx.person, t),
    refusalReasons.notHandler,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (!WORKING.has(t.status)) {
    return done(t.number, [ctx.privately(commandReplies.illegalCommand(t, 'engage'))]);
  }
  const resource = findResource(deps.directory.data.resources, command.resource);
  if (!resource) {
    return done(t.number, [ctx.privately(resourceReplies.unknown(t.number, command.resource))]);
  }
  const engaged = engagementsOf(await deps.tickets.events(t.number));
  if (engaged.some((e) => e.resource === resource.name)) {
    return done(t.number, [ctx.privately(resourceReplies.alreadyEngaged(t.number, resource))]);
  }
  const load = await loadResourceLoad(deps.tickets, ctx.now);
  if (remainingOf(capacityLeft(resource, load)) <= 0) {
    return done(t.number, [ctx.privately(resourceReplies.full(t.number, resource))]);
  }
  const use = load.get(resource.name) ?? { atOnce: 0, thisMonth: 0 };
  const after = capacityLeft(
    resource,
    new Map([[resource.name, { atOnce: use.atOnce + 1, thisMonth: use.thisMonth + 1 }]]),
  );
  const by = ctx.person.name;
  const gridWorker = gridWorkerOf(deps.directory, t);
  const res = await record(deps, ctx, t, {
    type: 'resource_engaged',
    detail: engagementDetail({ resource: resource.name, contact: resource.contact, by }),
    outbox: [
      ctx.privately(resourceReplies.engaged(t.number, resource, after)),
      ...tellEach(t, [resource.contact], resourceReplies.engageNotice(t, resource, by, gridWorker), by),
      ...tellEach(
        t,
        [gridWorker === resource.contact ? null : gridWorker],
        resourceReplies.engageGridNotice(t, resource, by),
        by,
      ),
    ],
  });
  return res.result;
};
