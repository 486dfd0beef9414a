import type { Body } from '../labels/labels.js';
import { maskPersonalData } from '../privacy/mask.js';
import { capText } from '../text/clean-text.js';
import type { SeenMessage } from '../tickets/ticket-store.js';
import type { CommandName, ParseResult } from './command.js';
import { COMMAND_NAMES } from './command.js';
import { mayUseCommand } from './command-roles.js';
import { awaitingConfirmation } from './handlers/confirmation.js';
import {
  answerTo,
  type CommandContext,
  type CommandDeps,
  type CommandHandler,
  DEFAULT_COMMAND_SETTINGS,
  done,
  type HandlerDeps,
  type HandlerResult,
  privateTo,
} from './handlers/context.js';
import { COMMAND_HANDLERS, type HandlerRegistry } from './handlers/registry.js';
import { parseCommand } from './parse-command.js';
import { commandReplies } from './replies.js';

// Only a message that could answer a pending confirmation (1, 2, 满意…) costs the look-up of pending ones.
const MAY_ANSWER_CONFIRMATION = /^[\s#/＃]*(?:[12１２]|不?满意|没解决|未解决|确认)/u;

/**
 * The chat commands' entry point for intake: returns true when the message was a command (well-formed,
 * malformed, or refused) and has been answered and settled; false when it is not one, or is one nobody
 * here handles yet, so intake goes on with it.
 *
 * A private chat or an @-mention addresses the bot (`addressed`); in a group, otherwise, only a prefixed
 * (#, /, ＃) or bare well-formed command is one. `1`/`2` answer only while a confirmation awaits the sender.
 * Role checks come first (COMMAND_ROLES), then the handler checks its rights on the ticket.
 */
export function createCommandHandler(
  deps: CommandDeps,
  registry: HandlerRegistry = COMMAND_HANDLERS,
): (message: SeenMessage) => Promise<boolean> {
  const handlerDeps: HandlerDeps = { ...deps, settings: { ...DEFAULT_COMMAND_SETTINGS, ...deps.settings } };
  return async (message) => {
    if (message.kind !== 'text' || message.text.trim().length === 0) {
      return false;
    }
    const parsed = await parse(handlerDeps, message);
    if (parsed.kind === 'none') {
      return false;
    }
    const name = parsed.kind === 'command' ? parsed.command.name : parsed.name;
    const handler = registry[name] as CommandHandler | undefined;
    if (!handler) {
      return false;
    }
    const ctx = contextOf(handlerDeps, registry, message);
    let result: HandlerResult;
    if (!mayUseCommand(ctx.person.roles, name)) {
      result = done(null, [
        ctx.privately(commandReplies.notForRole(name)),
        ...impostorAlert(handlerDeps, message),
      ]);
    } else if (parsed.kind === 'malformed') {
      result = done(null, [ctx.here(commandReplies.malformed(name, parsed.problem, parsed.detail))]);
    } else {
      result = await handler(handlerDeps, ctx, parsed.command);
    }
    // a change that settled the message already made the command's effect exactly-once; its replies follow
    const replyIds = ctx.isSettled()
      ? await deps.tickets.enqueueMessages(result.replies, { at: ctx.now, key: `reply:${message.key}` })
      : (
          await deps.tickets.settleMessage(
            message.key,
            { ticketNumber: result.ticket, intent: 'command', handledAt: ctx.now },
            result.replies,
          )
        ).outboxIds;
    await deps.queue.enqueueOutbox([...result.outboxIds, ...replyIds]);
    deps.logger.info(
      {
        event: 'command.handled',
        messageKey: message.key,
        command: name,
        kind: parsed.kind,
        ticket: result.ticket,
      },
      'command handled',
    );
    return true;
  };
}

/**
 * A sender who took a pinned staff member's name from another account: the real one is told, at their own
 * account (never by name, which the impostor shares), what was tried.
 */
function impostorAlert(deps: HandlerDeps, message: SeenMessage) {
  const pinned = deps.directory.chatIdOf(message.sender);
  if (pinned === undefined || !deps.directory.isImpostor(message.sender, message.senderId)) {
    return [];
  }
  deps.logger.warn(
    { event: 'command.impostor', messageKey: message.key, name: message.sender },
    'a staff name used from another account',
  );
  return [
    privateTo(
      message.sender,
      commandReplies.impostorAlert(message.sender, capText(maskPersonalData(message.text), 30)),
      pinned,
    ),
  ];
}

async function parse(deps: HandlerDeps, message: SeenMessage): Promise<ParseResult> {
  const options = {
    botName: deps.directory.botName,
    resolveBody: (name: string) => deps.directory.findBody(name)?.id as Body | undefined,
    addressed: message.roomId === null || message.mentionsBot,
  };
  const first = parseCommand(message.text, options);
  if (first.kind === 'command' || !MAY_ANSWER_CONFIRMATION.test(message.text)) {
    return first;
  }
  const sender = { name: message.sender, id: message.senderId };
  if ((await awaitingConfirmation(deps, sender)).length === 0) {
    return first;
  }
  return parseCommand(message.text, { ...options, awaitingConfirmation: true });
}

function contextOf(deps: HandlerDeps, registry: HandlerRegistry, message: SeenMessage): CommandContext {
  const person = deps.directory.person(message.sender, message.senderId);
  const commands: CommandName[] = COMMAND_NAMES.filter(
    (n) => registry[n] !== undefined && mayUseCommand(person.roles, n),
  );
  let settled = false;
  return {
    message,
    person,
    now: deps.clock.now(),
    commands,
    here: (text) => answerTo(message, text),
    privately: (text) => privateTo(message.sender, text, message.senderId),
    settleMarker: () => (settled ? undefined : { messageKey: message.key, intent: 'command' }),
    markSettled: () => {
      settled = true;
    },
    isSettled: () => settled,
  };
}
