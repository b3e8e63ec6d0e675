// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * Import CSV's preview (scripts/screenshots.mjs takes it) at 1280 and 390 px: a file with changes,
 * a line that already matches, and lines that cannot be used.
 */

/** @typedef {import('@playwright/test').Page} Page */

export const CSV_SHOTS = [
  { file: 'csv-import-preview.png', width: 1280, height: 900 },
  { file: 'csv-import-preview-390.png', width: 390, height: 844 },
]

/**
 * Opens Import CSV and reads a file into its preview.
 * @param {Page} page
 */
export async function openImportPreview(page) {
  /** @type {{ phone_number: string, nickname: string | null, label: string | null }[]} */
  const numbers = (await page.evaluate(() => /** @type {any} */ (window).__demoBackend.allNumbers())).slice(0, 4)
  const [main, second, third, fourth] = numbers
  const file = [
    'phone_number;nickname;label',
    `${main?.phone_number};Main Support (EMEA);cc-4410`,
    `${second?.phone_number};${second?.nickname ?? ''};${second?.label ?? ''}`,
    `${third?.phone_number};;billing-7`,
    `${fourth?.phone_number};Night line, "after hours";`,
    '+16285550199;Ghost;x',
    '555-CALL-NOW;Typo;x',
    `${third?.phone_number};Twice;x`,
  ].join('\r\n')
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import CSV' })
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'renames.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
  await dialog.getByRole('button', { name: /^Apply \d+ changes?$/ }).waitFor()
}
