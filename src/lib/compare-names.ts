/** Letters that are a base letter with a mark but have no decomposition for NFD to split. */
const BASE_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe' }

/** A name without case or accents: `Émile` and `emile`, `Øst` and `ost` sort together. */
const folded = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øłđħıßæœ]/g, (letter) => BASE_LETTERS[letter]!)

/** Accents and marked letters after plain ones, case aside: `eo` < `eø`; ß, æ and œ as the letters they stand for. */
const accented = (name: string) => name.toLowerCase().replace(/[ßæœ]/g, (letter) => BASE_LETTERS[letter]!)

/** Lower case before upper case on a tie, as collation orders them. */
const swapCase = (name: string) =>
  name.replace(/\p{L}/gu, (letter) => {
    const lower = letter.toLowerCase()
    return letter === lower ? letter.toUpperCase() : lower
  })

/**
 * Names in the order people look for them: case and accents aside (`émile` between `Dana` and `Frank`,
 * `Øst` beside `Ost`), then accents, then lower case first, as localeCompare orders letters, digits,
 * spaces and hyphens (compare-names.test.ts). Not localeCompare itself: the first rows sort the agents of the
 * filter, and a page's first collator loads ICU's data (tens of milliseconds on a slow machine).
 */
export function compareNames(a: string, b: string): number {
  const foldedA = folded(a)
  const foldedB = folded(b)
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1
  const [accentedA, accentedB] = [accented(a), accented(b)]
  if (accentedA !== accentedB) return accentedA < accentedB ? -1 : 1
  const [swappedA, swappedB] = [swapCase(a), swapCase(b)]
  if (swappedA !== swappedB) return swappedA < swappedB ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
