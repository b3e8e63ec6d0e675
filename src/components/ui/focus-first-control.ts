/**
 * Focuses the first control in `container` that Tab would reach, once the browser has painted, unless
 * focus is in it already or a list is open (a picker opened early: its list takes focus a moment later). Focusing forces the browser to compute styles first: right after a mount
 * that is the whole new subtree's style in the mounting task; after the paint it costs next to nothing.
 * Returns a function that cancels it.
 */
export function focusFirstControlAfterPaint(container: HTMLElement | null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  // A timer set from an animation frame runs after that frame's paint.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (!container?.isConnected || container.contains(document.activeElement)) return
      if (document.querySelector('[role="listbox"]')) return
      const first = firstTabbable(container)
      first?.focus()
      // As Radix's focus scope does: a text field's text is selected, so typing replaces it.
      if (first instanceof HTMLInputElement) first.select()
    })
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

function firstTabbable(container: HTMLElement): HTMLElement | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node instanceof HTMLElement) || node.tabIndex < 0) continue
    if ((node instanceof HTMLInputElement && node.type === 'hidden') || isDisabled(node)) continue
    return node
  }
  return null
}

const isDisabled = (element: HTMLElement) =>
  (element instanceof HTMLButtonElement ||
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement) &&
  element.disabled
