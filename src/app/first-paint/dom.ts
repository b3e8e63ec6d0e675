/** A few lines of DOM building for the first paint, which runs before React has loaded. */

type Attributes = Record<string, string | false | undefined>
type Child = Node | string | null | false

/** An element with the attributes given (false or undefined: left out) and its children. */
export function el(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== false) element.setAttribute(name, value)
  }
  element.append(...children.filter((child): child is Node | string => child !== null && child !== false))
  return element
}

/** A labelled native select, as NativeSelectField renders it. */
export function selectField(id: string, label: string, value: string, options: { value: string; label: string }[]) {
  const select = el('select', { id }, ...options.map((option) => el('option', { value: option.value }, option.label)))
  ;(select as HTMLSelectElement).value = value
  return el('div', { class: 'field' }, el('label', { for: id }, label), select)
}

/** A checkbox filter, as FlagFilter renders it (React writes a checked box's first state as the attribute too). */
export function flagField(id: string, label: string, checked: boolean) {
  const box = el('input', { id, type: 'checkbox', checked: checked && '' }) as HTMLInputElement
  return el('div', { class: 'field flag-filter' }, box, el('label', { for: id }, label))
}

/** Markup built by `markup`: every value put into it was escaped, unless it was markup itself. */
export class Markup {
  constructor(readonly text: string) {}
}

type MarkupValue = Markup | Markup[] | string | number | false | null | undefined

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)

function markupOf(value: MarkupValue): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Markup) return value.text
  if (Array.isArray(value)) return value.map(markupOf).join('')
  return escaped(String(value))
}

/**
 * Markup for many elements at once (the table's rows): one parse by the browser is several times
 * faster than building each node. Values are escaped (text and double-quoted attributes alike). Not
 * named `html`, so that Prettier leaves the templates' whitespace, which is content, as written.
 */
export function markup(strings: TemplateStringsArray, ...values: MarkupValue[]): Markup {
  // A line break between two tags only lays the template out; React renders none.
  const parts = strings.map((part) => part.replace(/>\n</g, '><'))
  return new Markup(parts.slice(1).reduce((text, part, i) => text + markupOf(values[i]) + part, parts[0] ?? ''))
}

/** ` name="value"`, or nothing for undefined or false: an attribute that may be left out. */
export function attribute(name: string, value: string | false | undefined): Markup {
  return value === undefined || value === false ? new Markup('') : markup` ${name}="${value}"`
}
