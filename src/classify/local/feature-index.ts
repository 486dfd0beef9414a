/** The column of a feature in a model, or undefined for a feature the model does not know. */
export type FeatureLookup = { get(feature: string): number | undefined };

/** Lookups after which a process that keeps classifying builds a hash map (about a few hundred messages). */
const BUILD_MAP_AFTER = 50_000;

/**
 * A model's feature columns, read from its vocabulary as stored: sorted, so a feature is found by binary
 * search and a one-shot `shaozi classify` never pays for hashing a quarter of a million strings (a third of
 * a second). A process that goes on classifying builds the hash map once lookups would pay for it. A
 * vocabulary that is not sorted gets the map at once.
 */
export function featureIndexOf(
  vocabulary: readonly string[],
  buildMapAfter = BUILD_MAP_AFTER,
): FeatureLookup {
  let map: Map<string, number> | undefined = isSorted(vocabulary) ? undefined : mapOf(vocabulary);
  let lookups = 0;
  return {
    get(feature) {
      if (map) {
        return map.get(feature);
      }
      lookups += 1;
      if (lookups > buildMapAfter) {
        map = mapOf(vocabulary);
        return map.get(feature);
      }
      return binarySearch(vocabulary, feature);
    },
  };
}

function binarySearch(sorted: readonly string[], feature: string): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = sorted[mid] as string;
    if (value === feature) {
      return mid;
    }
    if (value < feature) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return undefined;
}

function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i++) {
    if ((values[i - 1] as string) >= (values[i] as string)) {
      return false;
    }
  }
  return true;
}

function mapOf(values: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    map.set(values[i] as string, i);
  }
  return map;
}
