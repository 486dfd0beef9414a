/** The indices 0…count−1 in a seeded shuffled order, the same for the same count and seed. */
export function seededOrder(count: number, seed = 20240611): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Deterministic fold of each item (a seeded shuffle, then round robin), so runs are repeatable. */
export function assignFolds(count: number, k: number, seed = 20240611): number[] {
  const folds = new Array<number>(count).fill(0);
  seededOrder(count, seed).forEach((item, position) => {
    folds[item] = position % k;
  });
  return folds;
}
