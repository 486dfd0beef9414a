/**
 * Thrown by a processor that cannot do its job yet; no attempt is spent and nothing sleeps meanwhile, so
 * stopping the worker does not wait for it. With `queue`, the job goes back to the front of its queue and
 * the worker takes no job from that queue before `at` (a budget every job shares); with `job`, only this
 * job is put off until `at` and the worker goes on with the others.
 */
export class NotBefore extends Error {
  override readonly name = 'NotBefore';

  constructor(
    readonly at: Date,
    readonly scope: 'queue' | 'job',
  ) {
    super(`not before ${at.toISOString()} (${scope})`);
  }
}
