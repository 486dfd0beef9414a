import type { Body } from '../labels/labels.js';
import { type BodyResolver, readBody, skipBodySeparators, wordAt } from './bodies.js';
import type { Command, CommandName, ParseProblem } from './command.js';
import {
  isBlankFrom,
  isPauseAt,
  type NormalizedText,
  originalFrom,
  skipSeparators,
  skipSpaces,
  wordFrom,
} from './normalize.js';
import { parseBuilding, parsePeriod, parseScore, readBlockerReason, readTicket } from './tokens.js';

export type ArgContext = {
  input: NormalizedText;
  explicit: boolean;
  awaitingConfirmation: boolean;
  resolveBody: BodyResolver;
};

/** `attempt` says the words look like this command's arguments, so even unprefixed it deserves help. */
export type ArgOutcome =
  | { ok: true; command: Command }
  | { ok: false; problem: ParseProblem; attempt: boolean; detail?: string };

type ArgParser = (ctx: ArgContext, pos: number) => ArgOutcome;

const ok = (command: Command): ArgOutcome => ({ ok: true, command });
const fail = (problem: ParseProblem, attempt: boolean, detail?: string): ArgOutcome =>
  detail === undefined ? { ok: false, problem, attempt } : { ok: false, problem, attempt, detail };

function withTicket(ctx: ArgContext, pos: number, next: (ticket: number, end: number) => ArgOutcome) {
  const text = ctx.input.text;
  const at = skipSeparators(text, pos);
  const token = readTicket(text, at);
  if (!token) {
    return fail('missing_ticket', isBlankFrom(text, at));
  }
  if (token.value === null) {
    return fail('bad_ticket', true);
  }
  return next(token.value, token.end);
}

const noArgs =
  (command: Command): ArgParser =>
  (ctx, pos) =>
    isBlankFrom(ctx.input.text, pos) ? ok(command) : fail('unexpected_text', false);

const ticketOnly =
  (name: 'progress' | 'withdraw' | 'accept' | 'report' | 'history' | 'claim' | 'resources'): ArgParser =>
  (ctx, pos) =>
    withTicket(ctx, pos, (ticket, end) =>
      isBlankFrom(ctx.input.text, end) ? ok({ name, ticket }) : fail('unexpected_text', false),
    );

const ticketAndText =
  (name: 'supplement' | 'update' | 'resolve'): ArgParser =>
  (ctx, pos) =>
    withTicket(ctx, pos, (ticket, end) => {
      const start = skipSeparators(ctx.input.text, end);
      if (isBlankFrom(ctx.input.text, start)) {
        return fail('missing_text', true);
      }
      return ok({ name, ticket, text: originalFrom(ctx.input, start) });
    });

const returnTicket: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const start = skipSeparators(ctx.input.text, end);
    if (isBlankFrom(ctx.input.text, start)) {
      return fail('missing_reason', true);
    }
    return ok({ name: 'return', ticket, reason: originalFrom(ctx.input, start) });
  });

const confirm: ArgParser = (ctx, pos) => {
  const text = ctx.input.text;
  const at = skipSpaces(text, pos);
  if (isBlankFrom(text, at)) {
    return ok({ name: 'confirm', ticket: null });
  }
  const token = readTicket(text, at);
  if (token?.value === null) {
    return fail('bad_ticket', true);
  }
  const ticket = token?.value ?? null;
  const end = token?.end ?? pos;
  if (token && isBlankFrom(text, end)) {
    return ok({ name: 'confirm', ticket });
  }
  // "满意，谢谢师傅" answers the pending question; "满意度调查" is chat.
  if (ctx.awaitingConfirmation && isPauseAt(text, end)) {
    return ok({ name: 'confirm', ticket });
  }
  return fail('unexpected_text', false);
};

const reject: ArgParser = (ctx, pos) => {
  const text = ctx.input.text;
  const at = skipSpaces(text, pos);
  if (isBlankFrom(text, at)) {
    return ok({ name: 'reject', ticket: null, reason: null });
  }
  const token = readTicket(text, at);
  if (token?.value === null) {
    return fail('bad_ticket', true);
  }
  if (token) {
    const start = skipSeparators(text, token.end);
    const reason = isBlankFrom(text, start) ? null : originalFrom(ctx.input, start);
    return ok({ name: 'reject', ticket: token.value, reason });
  }
  // Without a number, "不满意物业…" is a reason only when a question is pending or the bot was addressed.
  if (ctx.explicit || ctx.awaitingConfirmation) {
    return ok({ name: 'reject', ticket: null, reason: originalFrom(ctx.input, skipSeparators(text, at)) });
  }
  return fail('unexpected_text', false);
};

const rate: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const word = wordFrom(ctx.input.text, skipSeparators(ctx.input.text, end));
    const score = parseScore(word);
    if (score === null) {
      return fail('bad_rating', true, word || undefined);
    }
    return ok({ name: 'rate', ticket, score });
  });

const transfer: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const text = ctx.input.text;
    const at = skipSeparators(text, end);
    if (isBlankFrom(text, at)) {
      return fail('missing_body', true);
    }
    const body = readBody(text, at, ctx.resolveBody);
    if (!body) {
      return fail('unknown_body', true, wordAt(text, at));
    }
    const start = skipSeparators(text, body.end);
    if (isBlankFrom(text, start)) {
      return fail('missing_reason', true);
    }
    return ok({ name: 'transfer', ticket, body: body.body, reason: originalFrom(ctx.input, start) });
  });

const whistle: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const text = ctx.input.text;
    const bodies: Body[] = [];
    let at = skipBodySeparators(text, end);
    while (!isBlankFrom(text, at)) {
      const body = readBody(text, at, ctx.resolveBody);
      if (!body) {
        return fail('unknown_body', true, wordAt(text, at));
      }
      if (!bodies.includes(body.body)) {
        bodies.push(body.body);
      }
      at = skipBodySeparators(text, body.end);
    }
    return bodies.length > 0 ? ok({ name: 'whistle', ticket, bodies }) : fail('missing_body', true);
  });

const stats: ArgParser = (ctx, pos) => {
  const word = wordFrom(ctx.input.text, skipSeparators(ctx.input.text, pos));
  const period = parsePeriod(word);
  return period ? ok({ name: 'stats', period }) : fail('bad_period', false, word);
};

/** `联席 [本周]`: the joint meeting's period, this week unless another is named. */
const jointMeeting: ArgParser = (ctx, pos) => {
  const word = wordFrom(ctx.input.text, skipSeparators(ctx.input.text, pos));
  const period = word === '' ? 'week' : parsePeriod(word);
  return period ? ok({ name: 'joint_meeting', period }) : fail('bad_period', false, word);
};

const findBuilding: ArgParser = (ctx, pos) => {
  const at = skipSeparators(ctx.input.text, pos);
  if (isBlankFrom(ctx.input.text, at)) {
    return fail('missing_building', true);
  }
  const word = wordFrom(ctx.input.text, at);
  const building = parseBuilding(word);
  if (!building) {
    return fail('missing_building', false);
  }
  return building.value === null
    ? fail('bad_building', true, word)
    : ok({ name: 'find_building', building: building.value });
};

/** `卡点 N 原因 说明`; a bare `卡点` lists the open ones. */
const block: ArgParser = (ctx, pos) => {
  if (isBlankFrom(ctx.input.text, pos)) {
    return ok({ name: 'blockers' });
  }
  return withTicket(ctx, pos, (ticket, end) => {
    const text = ctx.input.text;
    const at = skipSeparators(text, end);
    if (isBlankFrom(text, at)) {
      return fail('missing_blocker_reason', true);
    }
    const reason = readBlockerReason(text, at);
    if (!reason) {
      return fail('missing_blocker_reason', true);
    }
    const start = skipSeparators(text, reason.end);
    if (isBlankFrom(text, start)) {
      return fail('missing_text', true);
    }
    return ok({ name: 'block', ticket, reason: reason.reason, note: originalFrom(ctx.input, start) });
  });
};

const unblock: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const start = skipSeparators(ctx.input.text, end);
    const note = isBlankFrom(ctx.input.text, start) ? null : originalFrom(ctx.input, start);
    return ok({ name: 'unblock', ticket, note });
  });

/** `对接 N 资源名`: the resource is looked up by the handler, which knows the directory. */
const engage: ArgParser = (ctx, pos) =>
  withTicket(ctx, pos, (ticket, end) => {
    const start = skipSeparators(ctx.input.text, end);
    if (isBlankFrom(ctx.input.text, start)) {
      return fail('missing_resource', true);
    }
    return ok({ name: 'engage', ticket, resource: originalFrom(ctx.input, start) });
  });

/** `资源统计 [今天|本周|本月]`: resources are counted by the month unless another period is named. */
const resourceUsage: ArgParser = (ctx, pos) => {
  const word = wordFrom(ctx.input.text, skipSeparators(ctx.input.text, pos));
  const period = word === '' ? 'month' : parsePeriod(word);
  return period ? ok({ name: 'resource_usage', period }) : fail('bad_period', false, word);
};

/** 我的积分 / 排行 with an optional period; without one, this month. */
const periodOrMonth =
  (name: 'my_points' | 'ranking'): ArgParser =>
  (ctx, pos) => {
    const word = wordFrom(ctx.input.text, skipSeparators(ctx.input.text, pos));
    if (word === '') {
      return ok({ name, period: null });
    }
    const period = parsePeriod(word);
    return period ? ok({ name, period }) : fail('bad_period', false, word);
  };

/** How the words after each verb are read. */
export const ARGUMENT_PARSERS: Readonly<Record<CommandName, ArgParser>> = {
  help: noArgs({ name: 'help' }),
  my_tickets: noArgs({ name: 'my_tickets' }),
  progress: ticketOnly('progress'),
  supplement: ticketAndText('supplement'),
  withdraw: ticketOnly('withdraw'),
  confirm,
  reject,
  rate,
  accept: ticketOnly('accept'),
  update: ticketAndText('update'),
  resolve: ticketAndText('resolve'),
  transfer,
  return: returnTicket,
  whistle,
  report: ticketOnly('report'),
  history: ticketOnly('history'),
  overdue: noArgs({ name: 'overdue' }),
  stats,
  find_building: findBuilding,
  claim: ticketOnly('claim'),
  joint_meeting: jointMeeting,
  block,
  unblock,
  blockers: noArgs({ name: 'blockers' }),
  my_points: periodOrMonth('my_points'),
  ranking: periodOrMonth('ranking'),
  resources: ticketOnly('resources'),
  engage,
  resource_usage: resourceUsage,
};
