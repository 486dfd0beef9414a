/** A value read within a time limit, or not ok. */
export type Read<T> = { ok: true; value: T } | { ok: false };

/** `work`'s value, or not ok when it fails or takes longer than `ms` (a hung Redis or database reads as down). */
export async function bounded<T>(work: Promise<T>, ms: number): Promise<Read<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Read<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ ok: true as const, value })), timeout]);
  } catch {
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}
