// @ts-check
/**
 * Writes src/lib/region-names.ts: the English name of every region a phone number can belong to
 * (libphonenumber's), as Intl.DisplayNames says it. The table lets the first rows name countries
 * without Intl, whose first use loads ICU's data. src/lib/region-names.test.ts fails when it drifts
 * from Intl; run `node scripts/generate-region-names.mjs` then.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { getCountries } from 'libphonenumber-js/min'
import { root } from './lib/built-app.mjs'

const names = new Intl.DisplayNames(['en'], { type: 'region' })
const entries = getCountries()
  .slice()
  .sort()
  .map((code) => `  ${code}: '${String(names.of(code)).replace(/['\\]/g, '\\$&')}',`)
const source = `// Written by scripts/generate-region-names.mjs from Intl.DisplayNames (en); do not edit by hand.

/** \`US\` → \`United States\`: the English names of the regions of phone numbers (libphonenumber's). */
export const REGION_NAMES: Readonly<Record<string, string>> = {
${entries.join('\n')}
}
`
writeFileSync(join(root, 'src/lib/region-names.ts'), source)
console.log(`src/lib/region-names.ts: ${entries.length} regions`)
