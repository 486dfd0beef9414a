import { TICKET_ACTIONS } from './transitions.js';

/**
 * The vocabulary of ticket events. Lifecycle actions log under their action name (`accept`, `resolve`…);
 * the rest record what happened around a ticket without changing its status. Statistics and formalism
 * signals read these names, so they are stable.
 */
export const EVENT_TYPES = [
  'created',
  ...TICKET_ACTIONS,
  /** The reporter or a co-reporter added information (补充, or a message within the aggregation window). */
  'supplemented',
  /** A photo or text evidence was attached (by the reporter, or by the handler as resolution evidence). */
  'evidence_added',
  /** Another resident reported the same problem and joined as co-reporter. */
  'co_reporter_added',
  /** A resident followed up ("还没人来"); the assignee was nudged. */
  'follow_up',
  /**
   * The reporter said something about their ticket that asks nothing (「楼上安静了」, 「试了一下 不响了」):
   * recorded for the handlers, without a 催办 and without changing the ticket's text.
   */
  'resident_note',
  /**
   * A staff member answered the reporter in the group (an @ or a quote of their report): their words are the
   * detail. From someone who works the ticket it is the ticket's first response when none came before.
   */
  'staff_replied',
  /**
   * A staff member told a residents' group how a problem with an open ticket stands, addressing nobody
   * (「热力公司的师傅已经到换热站了」): the one open ticket of the line's subject where the group lives. Their words
   * are the detail; from someone who works the ticket it is a response like `staff_replied`.
   */
  'staff_update',
  /** The bot asked the reporter (and co-reporters) to confirm a resolution. */
  'confirmation_requested',
  /** The reporter rated the handling 1–5. */
  'rated',
  /** A deadline reminder went to the assignee before the deadline. */
  'reminded',
  /** A deadline passed; the ticket is overdue. */
  'overdue',
  /** The ticket climbed one level of the escalation ladder. */
  'escalated',
  /** 吹哨: bodies were called into a joint ticket. */
  'whistle_called',
  /** A called body reported (报到). */
  'whistle_reported',
  /** A called body was reminded, or escalated for not reporting in time. */
  'whistle_overdue',
  /** A recurrence at the same place and category after closure: this ticket's closure failed. */
  'recurrence',
  /** Someone pressed residents for a good rating (给个满意, 好评一下) about this ticket. */
  'rating_pressure',
  /** A reopened ticket's resolution deadline was extended by the time it waited for the resident. */
  'deadline_extended',
  /** A party member or volunteer claimed the ticket. */
  'claimed',
  /**
   * Opened as an emergency check (a possible emergency the model is not sure of): the grid worker and the
   * duty supervisor were asked to check within EMERGENCY_CHECK_MINUTES; the detail is `{"asked":[names]}`.
   */
  'emergency_check',
  /** Nobody took an emergency check in time: the other supervisors were alerted; the detail is `{"to":[names]}`. */
  'check_unanswered',
  /** The reporter or staff called an emergency off (演习, 虚惊一场): its escalation waits for staff. */
  'all_clear',
  /** What bystanders in the group said about an open emergency (advice, confirmation), for the responders. */
  'emergency_info',
  /** A handler recorded why the ticket is stuck (卡点): the detail is a BlockerRecord as JSON. */
  'blocked',
  /** The blocker was cleared; the resolution deadline moved out by the time it stood. */
  'unblocked',
  /** A volunteer-suitable ticket was offered to party members of its grid: `{"to":[names]}` as JSON. */
  'volunteer_offered',
  /** A resource of the directory was engaged (对接): the detail is an EngagementRecord as JSON. */
  'resource_engaged',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
