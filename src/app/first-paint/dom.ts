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
