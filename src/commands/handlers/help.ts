import { commandReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';

/** 帮助: the commands this person may use, by their roles. */
export const help: CommandHandler<'help'> = async (_deps, ctx) => {
  const staff = !ctx.person.roles.includes('resident');
  return done(null, [ctx.here(commandReplies.help(ctx.commands, staff))]);
};
