import type { TimersJob } from '../../queue/jobs.js';
import { sendBranchSummaries } from './send-branch-summaries.js';
import { type DigestDeps, sendDailyDigest, sendWeeklySummary } from './send-digests.js';
import { type SweepDeps, sweepTimers } from './sweep-timers.js';

export type TimerTaskDeps = SweepDeps & DigestDeps;

/** The `timers` queue's processor: a sweep of the deadline timers or one of the digests. */
export async function runTimerTask(deps: TimerTaskDeps, job: TimersJob): Promise<void> {
  switch (job.task) {
    case 'sweep':
      await sweepTimers(deps);
      return;
    case 'daily_digest':
      await sendDailyDigest(deps);
      return;
    case 'weekly_summary':
      await sendWeeklySummary(deps);
      return;
    case 'monthly_branch_summary':
      await sendBranchSummaries(deps);
      return;
  }
}
