/** A phrase a dispatcher would name, with how strongly it points at its label. */
export type Cue = { pattern: string | RegExp; weight: number; name: string };

/** Builds cues from a compact table: `['电梯', 3]`, or `[/困在.{0,4}电梯/, 4, '困电梯']` for patterns. */
export function cues(table: ReadonlyArray<readonly [string | RegExp, number, string?]>): Cue[] {
  return table.map(([pattern, weight, name]) => ({
    pattern,
    weight,
    name: name ?? (typeof pattern === 'string' ? pattern : pattern.source),
  }));
}

/** Where in the text a cue matches, or -1. */
export function findCue(text: string, cue: Cue): number {
  if (typeof cue.pattern === 'string') {
    return text.indexOf(cue.pattern);
  }
  const match = cue.pattern.exec(text);
  return match ? match.index : -1;
}

export function hasAny(text: string, patterns: ReadonlyArray<string | RegExp>): boolean {
  return patterns.some((p) => (typeof p === 'string' ? text.includes(p) : p.test(text)));
}

export function firstMatch(text: string, patterns: ReadonlyArray<string | RegExp>): string | undefined {
  for (const p of patterns) {
    if (typeof p === 'string') {
      if (text.includes(p)) {
        return p;
      }
      continue;
    }
    const m = p.exec(text);
    if (m) {
      return m[0];
    }
  }
  return undefined;
}
