import type { Classifier } from '../classify/classifier.js';
import type { Classification } from '../labels/classification.js';
import { type Routing, routeTicket } from '../routing/route-ticket.js';
import { capText, MAX_CLASSIFIED_CHARS } from '../text/clean-text.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { PlaceQuery } from '../tickets/ticket-queries.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { isFollowUp, isQuestionForm, isStillThere, isThanks } from './conversation-cues.js';
import {
  type FollowUpDeps,
  followUpTarget,
  followUpWithoutTicket,
  readsAsFollowUp,
  recordFollowUp,
  recordResidentNote,
} from './follow-up.js';
import type { IntakeSettings } from './intake-settings.js';
import { joinAsCoReporter } from './join-ticket.js';
import { answerFromKnownProblem } from './known-problem.js';
import type { OpenTicketDeps } from './open-new-ticket.js';
import {
  alsoPlausible,
  findOpenDuplicate,
  findRecurrence,
  isLocalFault,
  openDuplicateQueries,
} from './related-tickets.js';
import { reopenRecurrence } from './reopen-recurrence.js';
import { OUTCOMES, type RequestWindow } from './request-window.js';
import { landmarkOf } from './same-place.js';
import type { TicketChangeDeps } from './settle-on-ticket.js';
import { joinTexts, supplementTicket } from './supplement-ticket.js';

export type ReadRequestDeps = OpenTicketDeps &
  TicketChangeDeps & {
    tickets: Pick<
      TicketStore,
      | 'createTicket'
      | 'change'
      | 'getMessage'
      | 'getTicket'
      | 'ticketsAtPlace'
      | 'ticketsOfPerson'
      | 'settleMessage'
      | 'recentTickets'
      | 'events'
    >;
    classifier: Classifier;
    settings: IntakeSettings;
  };

/** What the rest of intake does with a message that is not about an existing ticket. */
export type Unlinked = {
  c: Classification;
  text: string;
  routing?: Routing;
  /** The looks for an open duplicate made before this was left unlinked: the creation repeats them atomically. */
  unlessOpen?: readonly PlaceQuery[];
};

/** A classifier this sure is believed over a follow-up phrasing. */
const SURE = 0.6;

/**
 * Reads a resident's text as part of a conversation, in this order:
 * 1. The same request: an earlier message of the sender in this room within the aggregation window made or
 *    joined a ticket → this one supplements it, unless it clearly is another problem (an emergency, or a
 *    different category with a building of its own). Earlier chatter in the window is read together with
 *    this message ("3号楼" + "电梯又坏了" is one request about building 3).
 * 2. Thanks → left to the confirmation flow; a follow-up ("还没人来") → linked to the sender's open ticket.
 * 3. A grievance about the same problem at the same place as an open ticket → co-reporter; the same
 *    reporter again → a follow-up; the same as a ticket closed within the recurrence window → reopened.
 * Returns what is left for a new ticket or a plain answer, or undefined when the message is settled.
 */
export async function readRequest(
  deps: ReadRequestDeps,
  message: SeenMessage,
  window: RequestWindow,
  /** The message's own classification when the caller already has it (it is not asked for twice). */
  known?: Classification,
): Promise<Unlinked | undefined> {
  const alone = () => (known ? Promise.resolve(known) : classify(deps, message, message.text));
  const inWindow =
    window.ticketNumber !== null ? await deps.tickets.getTicket(window.ticketNumber) : undefined;
  if (inWindow) {
    const c = await alone();
    // one notice per burst: a sender adding again right after their last addition is recorded quietly
    const notify = window.lastOnTicket !== OUTCOMES.supplemented;
    if (
      addsTo(deps, c, message, inWindow) &&
      (await supplementTicket(deps, message, inWindow, c, { notify })) !== 'moved'
    ) {
      return undefined;
    }
    return readAlone(deps, message, { c, text: message.text });
  }
  return readAlone(deps, message, await classifyWithWindow(deps, message, window.pending, alone));
}

async function readAlone(
  deps: ReadRequestDeps,
  message: SeenMessage,
  u: Unlinked,
): Promise<Unlinked | undefined> {
  const { c, text } = u;
  if (c.intent !== 'grievance' && c.intent !== 'emergency' && isThanks(text)) {
    await deps.tickets.settleMessage(
      message.key,
      { ticketNumber: null, intent: OUTCOMES.thanks, handledAt: deps.clock.now() },
      [],
    );
    return undefined;
  }
  // 「电梯到现在也不能用」 from someone whose lift ticket is open is about that ticket; from anyone else, a report
  const stillThere = c.intent === 'grievance' && isStillThere(text);
  if (c.intent !== 'emergency' && (isFollowUp(text) || c.intent === 'feedback' || stillThere)) {
    const target = await followUpTarget(deps, message, c);
    if (target && readsAsFollowUp(text, c, target) && (await onTicket(deps, message, target)) !== 'moved') {
      return undefined;
    }
    if (!target && !stillThere && !(c.intent === 'grievance' && c.confidence >= SURE)) {
      // 「怎么还没来水」 from a neighbour who reported nothing: the compound's water cut is theirs too (a
      // question or a chase; 「燃气公司的人来开阀了，火打着了」 asks nothing)
      const asks = isQuestionForm(text) || isFollowUp(text);
      const { location } = placedRouting(deps, message, c, text);
      if (asks && (await answerFromKnownProblem(deps, message, { c, location }))) {
        return undefined;
      }
      if (asksTheBot(message) && isQuestionForm(text)) {
        // 「我交的申请审批过了没？」 asked of the bot: nothing of theirs is open here, so a person who knows answers
        return { c: { ...c, intent: 'inquiry', category: 'consultation' }, text };
      }
      await followUpWithoutTicket(deps, message);
      return undefined;
    }
  }
  if (c.intent !== 'grievance') {
    return u;
  }
  const routing = placedRouting(deps, message, c, text);
  const problem = { category: c.category, location: routing.location };
  const now = deps.clock.now();
  const unlessOpen = openDuplicateQueries(
    { ...problem, alsoPlausible: alsoPlausible(c), localFault: isLocalFault(text) },
    { now, mergeWindowH: deps.settings.mergeWindowH },
  );
  const open = await findOpenDuplicate(deps.tickets, unlessOpen);
  if (open && (await joinOpen(deps, message, open)) !== 'moved') {
    return undefined;
  }
  // 「电梯什么时候能修好啊？」 with no building, in a group where one lift is being fixed: that one
  if (
    !open &&
    isQuestionForm(text) &&
    (await answerFromKnownProblem(deps, message, { c, location: routing.location }, { placeLooked: true }))
  ) {
    return undefined;
  }
  const closed = await findRecurrence(deps.tickets, problem, {
    now,
    recurrenceDays: deps.settings.recurrenceDays,
  });
  if (closed && (await reopenRecurrence(deps, message, closed)) !== 'moved') {
    return undefined;
  }
  return { c, text, routing, unlessOpen };
}

/** Said to the bot: in a private chat, or with an @ of the bot in a group. */
const asksTheBot = (message: SeenMessage) => message.room === null || message.mentionsBot;

/**
 * A reporter's message about their own ticket: chasing it (「还没人来」, or asking how it stands) is a 催办 the
 * handlers are pressed with; anything else (「楼上安静了」, 「好的」) is recorded for them without one.
 */
function onTicket(deps: FollowUpDeps, message: SeenMessage, t: Ticket) {
  return chases(message.text) ? recordFollowUp(deps, message, t) : recordResidentNote(deps, message, t);
}

/**
 * Worded as chasing a ticket: a follow-up phrasing, the problem still there (「到现在还有焦味」), or a question
 * (「修好没 维保的还在吗」, 「今晚要是下大雨掉下来咋整」).
 */
const chases = (text: string) => isFollowUp(text) || isStillThere(text) || isQuestionForm(text);

/**
 * The same reporter reporting it again: chasing it is a 催办, more about it (「而且一路上咔咔响」) a supplement
 * they are told was passed on; anyone else joins it as a co-reporter.
 */
export function joinOpen(
  deps: FollowUpDeps & Pick<ReadRequestDeps, 'directory'>,
  message: SeenMessage,
  open: Ticket,
) {
  if (!isReporterOrCo(open, { id: message.senderId, name: message.sender })) {
    return joinAsCoReporter(deps, message, open);
  }
  return chases(message.text)
    ? recordFollowUp(deps, message, open)
    : supplementTicket(deps, message, open, null, { notify: true, reply: true });
}

/**
 * Whether a message of the sender's window adds to their request: more about the problem (read as a
 * grievance or an emergency about it) or where it is (a building, unit, room or landmark). Chatter, thanks,
 * a question and another problem do not join it (「今天天气不错」 17 s after a report is not the report).
 */
function addsTo(
  deps: Pick<ReadRequestDeps, 'directory'>,
  c: Classification,
  message: SeenMessage,
  t: Ticket,
): boolean {
  if (anotherProblem(c, t) || isThanks(message.text)) {
    return false;
  }
  if (c.intent === 'grievance' || c.intent === 'emergency') {
    return true;
  }
  const { building, unit, room } = c.location;
  return (
    c.intent !== 'inquiry' &&
    (building !== null || unit !== null || room !== null || landmarkOf(deps.directory, message.text) !== null)
  );
}

/** Whether a message in a request's window clearly starts another problem rather than adding to it. */
export function anotherProblem(c: Classification, t: Ticket): boolean {
  if (c.intent === 'emergency') {
    return t.intent !== 'emergency';
  }
  return (
    c.intent === 'grievance' &&
    !['none', 'other', t.category].includes(c.category) &&
    c.location.building !== null
  );
}

/** Routes the request and keeps the landmark it names when no building places it. */
export function placedRouting(
  deps: Pick<ReadRequestDeps, 'directory'>,
  message: SeenMessage,
  c: Classification,
  text: string,
): Routing {
  const routing = routeTicket(deps.directory, c, message.room);
  const landmark = routing.location.building === null ? landmarkOf(deps.directory, text) : null;
  return { ...routing, location: { ...routing.location, landmark } };
}

/**
 * Classifies the earlier chatter of the window together with this message, else this message alone. The
 * combined text is first read as a draft (the local model only): a second opinion is asked for the text
 * that is finally read, so a message costs the LLM at most one call however much chatter preceded it.
 */
async function classifyWithWindow(
  deps: ReadRequestDeps,
  message: SeenMessage,
  pending: readonly SeenMessage[],
  alone: () => Promise<Classification>,
): Promise<Unlinked> {
  if (pending.length > 0) {
    const combined = [...pending, message].map((m) => m.text).reduce(joinTexts);
    if (isRequest(await classify(deps, message, combined, { draft: true }))) {
      const c = await classify(deps, message, combined);
      if (isRequest(c)) {
        return { c, text: combined };
      }
    }
  }
  return { c: await alone(), text: message.text };
}

const isRequest = (c: Classification) => c.intent === 'grievance' || c.intent === 'emergency';

async function classify(
  deps: ReadRequestDeps,
  message: SeenMessage,
  text: string,
  options: { draft?: boolean } = {},
): Promise<Classification> {
  // a 100 KB paste is read by its beginning: the classifier (and an LLM) never gets more than a report needs
  const c = await deps.classifier.classify({
    text: capText(text, MAX_CLASSIFIED_CHARS),
    roomTopic: message.room ?? undefined,
    ...(options.draft ? { draft: true } : {}),
  });
  if (options.draft) {
    return c;
  }
  deps.logger.info(
    {
      event: 'intake.message.classified',
      messageKey: message.key,
      intent: c.intent,
      category: c.category,
      source: c.source,
      cues: c.cues,
    },
    'classified',
  );
  return c;
}
