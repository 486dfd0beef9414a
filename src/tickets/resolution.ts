import type { ActionStep } from './apply-action.js';
import { reporterNames } from './reporters.js';
import type { Ticket } from './ticket.js';

/** Fewest characters a resolution (办结, 答复, an answer in the group) must have to say what was done. */
export const MIN_RESOLVE_TEXT_LENGTH = 4;

/**
 * The steps of a resolution with text evidence, as one store change: an open ticket is accepted first (its own
 * event, so the response time is recorded), then resolved with the text as evidence, and the reporter and
 * co-reporters are asked to confirm (`confirmation_requested`).
 */
export function resolutionSteps(
  t: Ticket,
  input: { what: string; by: string; at: Date; acceptedWhy: string },
): ActionStep[] {
  const asked = reporterNames(t);
  return [
    ...(t.status === 'open'
      ? [
          {
            action: 'accept' as const,
            detail: input.acceptedWhy,
            patch: { respondedAt: t.respondedAt ?? input.at },
          },
        ]
      : []),
    {
      action: 'resolve',
      detail: input.what,
      patch: {
        resolvedAt: input.at,
        evidence: [...t.evidence, { kind: 'text', ref: input.what, at: input.at, by: input.by }],
      },
    },
    { eventType: 'confirmation_requested', detail: asked.join('、') },
  ];
}
