/** The first of several patterns that matches a text, as the words it matched. */
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

export function hasAny(text: string, patterns: ReadonlyArray<string | RegExp>): boolean {
  return patterns.some((p) => (typeof p === 'string' ? text.includes(p) : p.test(text)));
}
