import { loadRatesInput } from '../../stats/load-rates-input.js';
import { periodRange } from '../../stats/period.js';
import { periodText } from '../../stats/replies.js';
import { computeResourceUsage } from '../../stats/resource-usage.js';
import { resourceUsageText } from '../../stats/resource-usage-text.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';

/**
 * 资源统计 [今天|本周|本月]: for supervisors, which resources were engaged in the period (default this month),
 * which were not, and how many new needs found a resource or none, privately.
 */
export const resourceUsage: CommandHandler<'resource_usage'> = async (deps, ctx, command) => {
  const range = periodRange(command.period, ctx.now);
  const input = await loadRatesInput(deps, { ...range, now: ctx.now });
  const usage = computeResourceUsage({
    resources: deps.directory.data.resources,
    tickets: input.tickets,
    events: input.events,
    ...range,
  });
  const text = resourceUsageText(deps.directory.data.community, command.period, periodText(range), usage);
  return done(null, [ctx.privately(text)]);
};
