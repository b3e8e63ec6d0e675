import { isolated, quoted, withoutIsolates } from '@/lib/bidi'

test('right-to-left text is isolated in a sentence, so its digits and the punctuation after it keep their order', () => {
  expect(isolated('مكتب 2')).toBe('\u2068مكتب 2\u2069')
  expect(isolated('קו ראשי')).toBe('\u2068קו ראשי\u2069')
  expect(quoted('Desk مكتب')).toBe('“\u2068Desk مكتب\u2069”')
})

test('left-to-right text is left exactly as it is', () => {
  expect(isolated('Front desk 2')).toBe('Front desk 2')
  expect(isolated('Café №5 — 東京')).toBe('Café №5 — 東京')
  expect(quoted('Front desk')).toBe('“Front desk”')
})

test('text holding a direction override is isolated too, so the override ends with it; isolates inside are dropped', () => {
  expect(isolated('abc\u202Edef')).toBe('\u2068abc\u202Edef\u2069')
  // An unmatched PDI inside would end the page's isolate early.
  expect(isolated('abc\u2069 def')).toBe('\u2068abc def\u2069')
  expect(withoutIsolates(`Undo: ${isolated('مكتب 2')}: Nickname`)).toBe('Undo: مكتب 2: Nickname')
})
