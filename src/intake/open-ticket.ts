import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import { asEmergency, noticeAbout, noticeTo, toReporter } from '../outbox/address.js';
import type { ResourceMatch } from '../routing/match-resources.js';
import type { Routing } from '../routing/route-ticket.js';
import type { Deadlines } from '../sla/deadlines.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { NewTicket, Ticket } from '../tickets/ticket.js';
import { replies } from '../tickets/ticket-text.js';
import { branchSecretaryOf, branchUrgentNotice } from './branch-notice.js';
import { emergencyPhone } from './emergency-phone.js';
import { intakeReplies } from './replies.js';

/** The grid worker's notice names at most this many resources; `资源 N` lists them all. */
const MAX_OFFERED = 3;

export type Reporter = {
  name: string;
  id: string;
  room: string | null;
  roomId: string | null;
  text: string;
};

/** The ticket a classified, routed message opens. */
export function toNewTicket(
  c: Classification,
  routing: Routing,
  reporter: Reporter,
  deadlines: Deadlines,
  at: Date,
): NewTicket {
  return {
    intent: c.intent,
    category: c.category,
    body: routing.body,
    tiaoKuai: routing.tiaoKuai,
    urgency: c.urgency === 'none' ? 'normal' : c.urgency,
    location: routing.location,
    grid: routing.grid,
    partyBranch: routing.partyBranch,
    assignees: routing.assignees,
    reporter: reporter.name,
    reporterId: reporter.id,
    room: reporter.room,
    roomId: reporter.roomId,
    text: reporter.text,
    createdAt: at,
    respondBy: deadlines.respondBy,
    resolveBy: deadlines.resolveBy,
    classifiedBy: c.source,
    confidence: c.confidence,
  };
}

/**
 * Who is asked to check a possible emergency at once: the grid worker of its place and the duty supervisor
 * (the first on the escalation ladder above the grid, the community's). The other supervisors hear of it
 * only when nobody has taken it in EMERGENCY_CHECK_MINUTES (the timers' `check_unanswered`).
 */
export function emergencyCheckers(directory: Directory, routing: Pick<Routing, 'gridWorker'>): string[] {
  const duty = directory.data.escalation[0] ?? directory.supervisors()[0];
  return [...new Set([routing.gridWorker, ...(duty ? [duty] : [])])];
}

/** What the bot says about a new ticket: the reporter's answer first, then the staff who must act. */
export function announceTicket(
  directory: Directory,
  t: Ticket,
  routing: Routing,
  emergencyCheck = false,
  /** Resources that fit the need, best first: the grid worker's notice names them. */
  resources: readonly ResourceMatch[] = [],
): OutboxMessage[] {
  const handler = routing.liaison ? `${routing.bodyName}（${routing.liaison}）` : routing.bodyName;

  if (t.intent === 'inquiry') {
    // a question: whoever can answer it (the liaison, else the grid worker) is asked, by a deadline
    const answerers = routing.liaison ? [routing.liaison] : routing.assignees.slice(0, 1);
    return [
      toReporter(t, replies.questionAck(t, handler)),
      ...answerers.map((name) => noticeTo(name, replies.questionNotice(t))),
    ];
  }
  if (t.intent === 'emergency') {
    const phone = emergencyPhone(t.category, t.text);
    const alerted = [
      ...new Set([
        routing.gridWorker,
        ...directory.supervisors(),
        ...(routing.liaison ? [routing.liaison] : []),
        ...branchSecretaryOf(directory, routing),
      ]),
    ];
    return [
      toReporter(t, replies.emergencyGroup(t, phone.phone, phone.use)),
      ...alerted.map((n) => noticeTo(n, replies.emergencyAlert(t, phone.phone, t.assignees.includes(n)))),
    ].map(asEmergency);
  }
  if (emergencyCheck) {
    // the grey zone below a sure emergency: the reporter gets the number, staff check within 15 minutes
    const phone = emergencyPhone(t.category, t.text);
    const checkers = emergencyCheckers(directory, routing);
    return [
      asEmergency(
        toReporter(
          t,
          `${replies.grievanceAck(t, handler)}${replies.emergencyCheckLine(phone.phone, phone.use)}`,
        ),
      ),
      ...checkers.map((n) => asEmergency(noticeTo(n, replies.emergencyCheckAlert(t, phone.phone)))),
      ...routing.assignees
        .filter((name) => !checkers.includes(name))
        .map((name) => noticeTo(name, replies.assigneeNotice(t, handler))),
      ...branchUrgentNotice(directory, t, routing, handler, [...checkers, ...routing.assignees]),
    ];
  }
  const offer =
    resources.length > 0
      ? intakeReplies.resourcesLine(
          t.number,
          resources
            .slice(0, MAX_OFFERED)
            .map((m) => ({ name: m.resource.name, contact: m.resource.contact })),
        )
      : '';
  return [
    toReporter(t, replies.grievanceAck(t, handler)),
    ...routing.assignees.map((name) =>
      noticeAbout(
        t,
        name,
        `${replies.assigneeNotice(t, handler)}${name === routing.gridWorker ? offer : ''}`,
      ),
    ),
    ...branchUrgentNotice(directory, t, routing, handler, routing.assignees),
  ];
}
