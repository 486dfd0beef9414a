import * as z from 'zod';

/** A date and time with no zone (`Z` or an offset) after it: the script's clock is China time. */
const WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

// Date.parse reads a time without a zone in the machine's time zone, so the same script would play
// at other instants on another machine.
const Iso = z
  .string()
  .transform((s) => (WITHOUT_ZONE.test(s.trim()) ? `${s.trim()}+08:00` : s))
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date-time such as 2026-11-30T09:00:00+08:00');

/** One line of a replay script (interfaces.md, `shaozi replay`). */
export const ReplayEventSchema = z
  .object({
    at: Iso,
    room: z.string().min(1).optional(),
    from: z.string().min(1).optional(),
    text: z.string().optional(),
    image: z.string().min(1).optional(),
    voice: z.string().min(1).optional(),
    mention: z.boolean().optional(),
    from_id: z.string().min(1).optional(),
    tick: z.literal(true).optional(),
  })
  .loose()
  .refine(
    (e) =>
      e.tick === true ||
      (e.from !== undefined && (e.text !== undefined || e.image !== undefined || e.voice !== undefined)),
    {
      message:
        'a message needs "from" and one of "text", "image" or "voice"; a clock step needs "tick": true',
    },
  );
export type ReplayEvent = z.infer<typeof ReplayEventSchema>;

/** Parses a whole script; a bad line fails naming its line number, before anything is played. */
export function parseReplayScript(
  text: string,
): { success: true; events: ReplayEvent[] } | { success: false; error: string } {
  const events: ReplayEvent[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim().length === 0) {
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { success: false, error: `line ${i + 1}: not JSON` };
    }
    const parsed = ReplayEventSchema.safeParse(json);
    if (!parsed.success) {
      return { success: false, error: `line ${i + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}` };
    }
    const previous = events.at(-1);
    if (previous && Date.parse(parsed.data.at) < Date.parse(previous.at)) {
      return { success: false, error: `line ${i + 1}: events must be in time order` };
    }
    events.push(parsed.data);
  }
  return { success: true, events };
}
