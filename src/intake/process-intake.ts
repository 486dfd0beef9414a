import type { Classifier } from '../classify/classifier.js';
import type { Clock } from '../clock/clock.js';
import type { Directory } from '../directory/directory.js';
import type { Answerer } from '../knowledge/answerer.js';
import type { Classification } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import { requeuePendingOutbox } from '../outbox/requeue-pending.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { WorkingCalendar } from '../sla/working-calendar.js';
import { capText, MAX_CLASSIFIED_CHARS } from '../text/clean-text.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { answerQuestion, handOverToPerson, isAskForPerson, mayBeQuestion } from './answer-question.js';
import { isAgreement, isRatingPressure } from './conversation-cues.js';
import {
  isAboutEmergency,
  joinEmergency,
  openEmergenciesIn,
  openEmergencyIn,
  readAllClear,
  readCheckAllClear,
  recentOpenEmergencies,
  sameEmergencyElsewhere,
} from './emergency-thread.js';
import { DEFAULT_INTAKE_SETTINGS, type IntakeSettings } from './intake-settings.js';
import { joinAsCoReporter } from './join-ticket.js';
import { openNewTicket } from './open-new-ticket.js';
import { parseQuote } from './quote.js';
import { recordRatingPressure } from './rating-pressure.js';
import { joinOpen, placedRouting, readRequest } from './read-request.js';
import { findQuotedTicket } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer, notice } from './reply-to.js';
import { OUTCOMES, readRequestWindow } from './request-window.js';
import { settleAndQueue } from './settle-on-ticket.js';
import { readStaffReply } from './staff-reply.js';
import { attachPhoto } from './supplement-ticket.js';
import type { MediaFiles, Transcriber } from './voice.js';

export type IntakeDeps = {
  tickets: TicketStore;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  classifier: Classifier;
  directory: Directory;
  calendar: WorkingCalendar;
  clock: Clock;
  logger: Logger;
  /** What the bot may answer residents' questions from. */
  knowledge: Answerer;
  /** The conversation windows; the defaults when not given. */
  settings?: IntakeSettings;
  /** Speech to text for voice messages, and where their audio is kept; without them residents are asked to type. */
  transcriber?: Transcriber | undefined;
  media?: MediaFiles | undefined;
  /** Chat commands; returns true when the message was a command and has been answered. */
  handleCommand?: (message: SeenMessage) => Promise<boolean>;
  /** Resolution evidence from an assignee; returns true when the image was theirs and has been handled. */
  handlePhoto?: (message: SeenMessage) => Promise<boolean>;
};

/**
 * Reads one recorded message: a command goes to its handler, an assignee's photo to resolution evidence;
 * otherwise it is read as part of the conversation (see readRequest): it may add to, join, chase or reopen
 * a ticket, or it is classified, and a grievance or an emergency becomes a routed ticket with its replies,
 * an inquiry gets a short answer, chatter nothing. Idempotent: a message already handled only re-queues
 * replies that were not sent, and every path settles the message in the same transaction as its change.
 */
export async function processIntake(deps: IntakeDeps, job: { messageKey: string }): Promise<void> {
  const message = await deps.tickets.getMessage(job.messageKey);
  if (!message) {
    deps.logger.warn({ event: 'intake.message.missing', messageKey: job.messageKey }, 'message not in store');
    return;
  }
  if (message.outcome) {
    await requeuePendingOutbox(deps.tickets, deps.queue);
    return;
  }
  if (deps.handleCommand && (await deps.handleCommand(message))) {
    return;
  }
  if (message.kind === 'image' && deps.handlePhoto && (await deps.handlePhoto(message))) {
    return;
  }
  const reader = readerOf(deps.directory, message);
  if (reader === 'photo') {
    await readPhoto(deps, message);
  } else if (reader === 'voice') {
    await readVoice(deps, message);
  } else if (reader === 'staff') {
    await readStaffMessage(deps, message);
  } else if (reader === 'staff-private') {
    // staff are never read as residents: a private message that is not a command is a mistyped or unknown one
    await settle(deps, message, OUTCOMES.staffNotCommand, [answer(message, intakeReplies.staffNotCommand())]);
  } else if (reader === 'request') {
    await readResidentText(deps, message);
  } else {
    await settle(deps, message, null, []);
  }
}

/**
 * Requests are read in residents' groups and private chats; staff groups are for commands. In a residents'
 * group a staff member's text is not a request (announcements would read as grievances): it is checked
 * for pressure on residents' ratings and for an answer to a resident with an open ticket (readStaffReply). A staff member's private text that is not a command is
 * answered with the way to the commands, never read as a grievance.
 */
function readerOf(
  directory: Directory,
  message: SeenMessage,
): 'request' | 'photo' | 'voice' | 'staff' | 'staff-private' | 'none' {
  const group = message.room === null ? undefined : directory.group(message.room);
  if (message.room !== null && group !== undefined && group.kind !== 'residents') {
    return 'none';
  }
  if (message.kind === 'image') {
    return 'photo';
  }
  if (message.kind === 'voice') {
    return directory.isStaff(message.sender, message.senderId) ? 'none' : 'voice';
  }
  if (message.kind !== 'text' || message.text.length === 0) {
    return 'none';
  }
  if (!directory.isStaff(message.sender, message.senderId)) {
    return 'request';
  }
  return message.room !== null ? 'staff' : 'staff-private';
}

function settingsOf(deps: IntakeDeps): IntakeSettings {
  return deps.settings ?? DEFAULT_INTAKE_SETTINGS;
}

async function readResidentText(given: IntakeDeps, received: SeenMessage): Promise<void> {
  const settings = settingsOf(given);
  const deps = { ...given, settings };
  // a quoted reply: the quote is context, the new part is the message
  const { quoted, text: newText } = parseQuote(received.text);
  const message = quoted ? { ...received, text: newText } : received;
  if (isAskForPerson(message.text) && (await handOverToPerson(deps, message))) {
    return;
  }
  const around = await readAroundEmergency(deps, message);
  if (around.handled) {
    return;
  }
  if (quoted && (await readQuotedReport(deps, message, quoted, settings))) {
    return;
  }
  const window = await readRequestWindow(deps.tickets, message, settings.aggregationWindowS);
  const unlinked = await readRequest(deps, message, window, around.c);
  if (!unlinked) {
    return;
  }
  const { c, text } = unlinked;
  if (
    c.intent !== 'inquiry' &&
    mayBeQuestion(c, text) &&
    (await answerQuestion(
      deps,
      message,
      { c, text },
      { ticketIfUnanswered: questionTicketIfUnanswered(c, message) },
    ))
  ) {
    return;
  }
  if (c.intent === 'grievance' || c.intent === 'emergency') {
    const routing = unlinked.routing ?? placedRouting(deps, message, c, text);
    const { duplicateOf } = await openNewTicket(deps, message, {
      c,
      text,
      routing,
      loosePhotos: window.loosePhotos,
      ...(unlinked.unlessOpen ? { unlessOpen: unlinked.unlessOpen } : {}),
    });
    if (duplicateOf && (await joinOpen(deps, message, duplicateOf)) === 'moved') {
      // the ticket it raced with moved on between the two transactions: open this one after all
      await openNewTicket(deps, message, { c, text, routing, loosePhotos: window.loosePhotos });
    }
    return;
  }
  if (c.intent === 'inquiry') {
    await answerQuestion(deps, message, { c, text });
    return;
  }
  if (message.room !== null && message.mentionsBot) {
    // an @ of the bot is never met with silence
    await settle(deps, message, OUTCOMES.mentionHello, [
      answer(message, intakeReplies.mentionHello(deps.directory.botName)),
    ]);
    return;
  }
  const outbox =
    c.intent === 'chatter' && message.room === null
      ? [answer(message, intakeReplies.privateHello(deps.directory.botName))]
      : [];
  await settle(deps, message, c.intent, outbox);
}

/**
 * When the knowledge base cannot answer a message that may be a question: a question ticket when the bot was
 * addressed, or when the classifier was unsure between a grievance and a question (a person answers either
 * way); chatter worded as a question stays chatter.
 */
function questionTicketIfUnanswered(c: Classification, message: SeenMessage): boolean {
  return (message.mentionsBot && message.room !== null) || c.intent === 'grievance';
}

/**
 * A voice message, the way many older residents talk: transcribed and read like text, its audio kept as
 * evidence on the ticket it makes or joins. Without a transcriber (or when it fails) the resident is asked
 * to type and the grid worker is told there is a voice message to listen to: a person hears it either way.
 */
async function readVoice(deps: IntakeDeps, message: SeenMessage): Promise<void> {
  const heard = await transcribe(deps, message);
  if (heard) {
    await readResidentText(deps, { ...message, kind: 'text', text: heard });
    await keepAudio(deps, message);
    return;
  }
  const listener = listenerOf(deps.directory, message);
  await settle(deps, message, OUTCOMES.voice, [
    answer(message, intakeReplies.voiceNotRead()),
    ...(listener
      ? [notice(listener, intakeReplies.voiceToListen(message.sender, message.room, message.text))]
      : []),
  ]);
}

async function transcribe(deps: IntakeDeps, message: SeenMessage): Promise<string | undefined> {
  if (!deps.transcriber || !deps.media) {
    return undefined;
  }
  const audio = await deps.media.read(message.text);
  if (!audio) {
    deps.logger.warn({ event: 'intake.voice.missing', messageKey: message.key }, 'voice audio not kept');
    return undefined;
  }
  try {
    const text = (await deps.transcriber.transcribe({ audio, fileName: message.text })).trim();
    deps.logger.info(
      { event: 'intake.voice.transcribed', messageKey: message.key, chars: text.length },
      'voice read',
    );
    return text.length > 0 ? text : undefined;
  } catch (err) {
    deps.logger.warn({ event: 'intake.voice.failed', messageKey: message.key, err }, 'transcription failed');
    return undefined;
  }
}

/** The audio of a transcribed voice message, as evidence on the ticket it made or joined. */
async function keepAudio(deps: IntakeDeps, message: SeenMessage): Promise<void> {
  const settled = await deps.tickets.getMessage(message.key);
  const number = settled?.outcome?.ticketNumber ?? null;
  const t = number === null ? undefined : await deps.tickets.getTicket(number);
  if (!t || t.evidence.some((e) => e.ref === message.text)) {
    return;
  }
  const at = deps.clock.now();
  await deps.tickets.change(t.number, {
    event: { at, actor: message.sender, type: 'evidence_added', detail: `voice ${message.text}` },
    patch: { evidence: [...t.evidence, { kind: 'voice', ref: message.text, at, by: message.sender }] },
  });
}

/** Who listens to a voice message the bot cannot read: the grid worker of the group, else the duty one. */
function listenerOf(directory: Directory, message: SeenMessage): string | undefined {
  const group = message.room === null ? undefined : directory.group(message.room);
  const grid = directory.gridByName(group?.grids[0] ?? directory.data.duty_grid);
  return grid?.worker;
}

/** A photo from the sender within the window after their request is evidence on that ticket. */
async function readPhoto(deps: IntakeDeps, message: SeenMessage): Promise<void> {
  const window = await readRequestWindow(deps.tickets, message, settingsOf(deps).aggregationWindowS);
  const ticket = window.ticketNumber !== null ? await deps.tickets.getTicket(window.ticketNumber) : undefined;
  if (ticket && (await attachPhoto(deps, message, ticket)) !== 'moved') {
    return;
  }
  await settle(deps, message, OUTCOMES.loosePhoto, []);
}

/**
 * While an emergency is open in the group: an all-clear from its reporter settles it down, and talk about
 * the danger joins it. `handled` when the message was read so; the classification made on the way is
 * handed on so the rest of intake does not ask for it again.
 */
async function readAroundEmergency(
  deps: IntakeDeps,
  message: SeenMessage,
): Promise<{ handled: boolean; c?: Classification }> {
  const emergencies = await openEmergenciesIn(deps, message);
  const [emergency] = emergencies;
  if (!emergency) {
    const checkCleared = await readCheckAllClear(deps, message, message.text);
    if (checkCleared !== undefined && checkCleared !== 'moved') {
      return { handled: true };
    }
    return readEmergencyElsewhere(deps, message);
  }
  const cleared = await readAllClear(deps, message, message.text, emergency);
  if (cleared !== undefined && cleared !== 'moved') {
    return { handled: true };
  }
  const c = await deps.classifier.classify({
    text: capText(message.text, MAX_CLASSIFIED_CHARS),
    roomTopic: message.room ?? undefined,
  });
  // the latest emergency the line is about: a line about the fire still joins it after a gas leak nearby
  const about = emergencies.find((t) => isAboutEmergency(c, message.text, t, deps.clock.now()));
  if (!about) {
    return { handled: false, c };
  }
  const joined = await joinEmergency(deps, message, { c, text: message.text }, about);
  return { handled: joined !== 'moved', c };
}

/**
 * No emergency open in this group: a danger told here may be the one reported in another group a moment
 * ago; then it joins that ticket (the responders hear it once) instead of raising a second alarm. Looked
 * at only while some emergency is open in the community, so ordinary messages cost one query.
 */
async function readEmergencyElsewhere(
  deps: IntakeDeps,
  message: SeenMessage,
): Promise<{ handled: boolean; c?: Classification }> {
  const open = await recentOpenEmergencies(deps);
  if (open.length === 0) {
    return { handled: false };
  }
  const c = await deps.classifier.classify({
    text: capText(message.text, MAX_CLASSIFIED_CHARS),
    roomTopic: message.room ?? undefined,
  });
  const emergency = sameEmergencyElsewhere(deps, message, { c, text: message.text }, open);
  if (!emergency) {
    return { handled: false, c };
  }
  const joined = await joinEmergency(deps, message, { c, text: message.text }, emergency, {
    fromElsewhere: true,
  });
  return { handled: joined !== 'moved', c };
}

/** A quoted reply agreeing with an open report in this group (「我家也是」) joins that ticket. */
async function readQuotedReport(
  deps: IntakeDeps,
  message: SeenMessage,
  quoted: { name: string; text: string },
  settings: IntakeSettings,
): Promise<boolean> {
  if (!isAgreement(message.text)) {
    return false;
  }
  const t = await findQuotedTicket(deps.tickets, message, quoted, {
    now: deps.clock.now(),
    mergeWindowH: settings.mergeWindowH,
  });
  if (!t || isReporterOrCo(t, { id: message.senderId, name: message.sender })) {
    return false;
  }
  return (await joinAsCoReporter(deps, message, t)) !== 'moved';
}

async function readStaffMessage(deps: IntakeDeps, message: SeenMessage): Promise<void> {
  const emergency = await openEmergencyIn(deps, message);
  const cleared = emergency ? await readAllClear(deps, message, message.text, emergency) : undefined;
  if (cleared !== undefined && cleared !== 'moved') {
    return;
  }
  if (isRatingPressure(message.text)) {
    await recordRatingPressure(deps, message);
    return;
  }
  const replied = await readStaffReply({ ...deps, settings: settingsOf(deps) }, message);
  if (replied !== undefined && replied !== 'moved') {
    return;
  }
  await settle(deps, message, OUTCOMES.staff, []);
}

async function settle(
  deps: IntakeDeps,
  message: SeenMessage,
  intent: string | null,
  outbox: OutboxMessage[],
): Promise<void> {
  await settleAndQueue(deps, message, { ticketNumber: null, intent }, outbox);
}
