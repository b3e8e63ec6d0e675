/** The demo's personas, one per role (the demo backend's keys), and what the header's picker shows for a key. */
const PERSONAS = [
  { value: 'demo_admin', label: 'Admin' },
  { value: 'demo_support', label: 'Support' },
  { value: 'demo_readonly', label: 'Read-only' },
]

/** The Demo persona picker for the key in use: a key that is no persona's shows as `Custom key`. */
export function personaChoice(key: string | null): { value: string; options: { value: string; label: string }[] } {
  const persona = PERSONAS.some((p) => p.value === key)
  return {
    value: persona ? (key ?? '') : '',
    options: persona ? PERSONAS : [...PERSONAS, { value: '', label: 'Custom key' }],
  }
}
