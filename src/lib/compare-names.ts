/** A name without case or accents: `Émile` and `emile` sort together. */
const folded = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * Names in the order people look for them: case and accents aside (`émile` between `Dana` and `Frank`),
 * then as written. Not localeCompare: the first rows sort the agents of the filter, and a page's first
 * collator loads ICU's data (tens of milliseconds on a slow machine).
 */
export function compareNames(a: string, b: string): number {
  const foldedA = folded(a)
  const foldedB = folded(b)
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
