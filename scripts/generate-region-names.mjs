// @ts-check
/**
 * Writes src/lib/region-names.ts: the English name of every two-letter region code Intl.DisplayNames
 * names (libphonenumber's regions among them; the API's country_code is a free string). The table lets the first rows name countries
 * without Intl, whose first use loads ICU's data. src/lib/region-names.test.ts fails when it drifts
 * from Intl; run `node scripts/generate-region-names.mjs` then.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './lib/built-app.mjs'

const names = new Intl.DisplayNames(['en'], { type: 'region' })
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const codes = [...LETTERS].flatMap((first) => [...LETTERS].map((second) => first + second))
const entries = codes
  .filter((code) => names.of(code) !== code)
  .map((code) => `  ${code}: '${String(names.of(code)).replace(/['\\]/g, '\\$&')}',`)
const source = `// Written by scripts/generate-region-names.mjs from Intl.DisplayNames (en); do not edit by hand.

/** \`US\` → \`United States\`: the English name of every two-letter region code Intl names. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
${entries.join('\n')}
}
`
writeFileSync(join(root, 'src/lib/region-names.ts'), source)
console.log(`src/lib/region-names.ts: ${entries.length} regions`)
