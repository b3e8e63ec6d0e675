import type { Page } from '@playwright/test'

/** What the layout checks look at (CSS selectors), inside `scope`. */
export interface LayoutCheck {
  /** The region checked: the document, or an open dialog (the page behind it is inert). */
  scope: string
  /** Elements whose text must stay on one line (a button's label, a status, a date). */
  oneLine: string
  /** Boxes that must not overlap one another, besides the interactive controls (the header cells). */
  apart: string
  /** Boxes whose content must stay inside them (table cells). */
  containers: string
}

/**
 * Everything wrong with the layout as it stands, as sentences (an empty list when all is well):
 * the page scrolling sideways; a control smaller than 24 × 24 px, off the screen, clipped by an
 * ancestor that does not scroll, or overlapping another control; boxes in `apart` overlapping; text
 * spilling out of a container; one-line text wrapped; and any text wrapped inside a word.
 */
export async function layoutProblems(page: Page, check: LayoutCheck): Promise<string[]> {
  return page.evaluate(({ scope, oneLine, apart, containers }) => {
    const problems: string[] = []
    const root = document.querySelector(scope)
    if (!root) return [`nothing matches ${scope}`]
    const viewportWidth = document.documentElement.clientWidth

    const isShown = (element: Element) => {
      const box = element.getBoundingClientRect()
      // Visually hidden text (1 px, clipped) is for screen readers, not part of the layout.
      return box.width > 1 && box.height > 1 && element.checkVisibility({ visibilityProperty: true })
    }
    const describe = (element: Element) => {
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ') ?? ''
      return `${element.tagName.toLowerCase()} “${name.slice(0, 40)}”`
    }
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
    /** Inside a sticky bar (the dialog's footer): content scrolling beneath it is hidden by design, not overlapped. */
    const inStickyBar = (element: Element) => {
      for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
        if (getComputedStyle(node).position === 'sticky') return true
      }
      return false
    }
    /** What can be seen of an element: its box cut to every ancestor that clips or scrolls (a panel scrolling on its own). */
    const visibleBox = (element: Element): DOMRect => {
      const box = element.getBoundingClientRect()
      let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom]
      for (let node = element.parentElement; node && node !== document.documentElement; node = node.parentElement) {
        const { overflowX, overflowY } = getComputedStyle(node)
        const clip = node.getBoundingClientRect()
        if (overflowX !== 'visible') [left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)]
        if (overflowY !== 'visible') [top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)]
      }
      return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top))
    }
    const findOverlaps = (elements: Element[]) => {
      elements.forEach((a, i) => {
        for (const b of elements.slice(i + 1)) {
          if (a.contains(b) || b.contains(a)) continue
          if (inStickyBar(a) !== inStickyBar(b)) continue
          if (overlap(visibleBox(a), visibleBox(b))) {
            problems.push(`${describe(a)} overlaps ${describe(b)}`)
          }
        }
      })
    }

    const doc = document.documentElement
    if (doc.scrollWidth > doc.clientWidth) {
      problems.push(`the page scrolls sideways: ${doc.scrollWidth} px of content in ${doc.clientWidth} px`)
    }

    const controls = Array.from(
      root.querySelectorAll('button, input, select, textarea, a[href], [role="combobox"]'),
    ).filter(isShown)
    for (const control of controls) {
      const box = control.getBoundingClientRect()
      if (box.width < 24 || box.height < 24) {
        problems.push(
          `${describe(control)} is ${Math.round(box.width)} × ${Math.round(box.height)} px (at least 24 × 24)`,
        )
      }
      if (box.left < -0.5 || box.right > viewportWidth + 0.5) {
        problems.push(
          `${describe(control)} sticks out of the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`,
        )
      }
      // An ancestor that clips without scrolling hides what sticks out of it for good.
      for (let ancestor = control.parentElement; ancestor && ancestor !== doc; ancestor = ancestor.parentElement) {
        const { overflowX } = getComputedStyle(ancestor)
        if (overflowX !== 'hidden' && overflowX !== 'clip') continue
        const clip = ancestor.getBoundingClientRect()
        if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5) {
          problems.push(`${describe(control)} is cut off by ${ancestor.tagName.toLowerCase()}.${ancestor.className}`)
        }
      }
    }
    findOverlaps(controls)
    findOverlaps(Array.from(root.querySelectorAll(apart)).filter(isShown))

    /** The boxes of the visible text inside an element, one per line of each text node. */
    const textBoxes = (element: Element) => {
      const boxes: DOMRect[] = []
      const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent?.trim() || !node.parentElement || !isShown(node.parentElement)) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        boxes.push(...Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0))
      }
      return boxes
    }

    for (const container of Array.from(root.querySelectorAll(containers)).filter(isShown)) {
      const box = container.getBoundingClientRect()
      if (textBoxes(container).some((text) => text.left < box.left - 0.5 || text.right > box.right + 0.5)) {
        problems.push(`the text of ${describe(container)} runs out of it`)
      }
    }

    for (const element of Array.from(root.querySelectorAll(oneLine)).filter(isShown)) {
      const boxes = textBoxes(element)
      if (boxes.length === 0) continue
      const tops = boxes.map((text) => text.top)
      const smallest = Math.min(...boxes.map((text) => text.height))
      if (Math.max(...tops) - Math.min(...tops) > smallest / 2) {
        problems.push(`${describe(element)} wraps onto ${new Set(tops.map(Math.round)).size} lines`)
      }
    }

    // A line may end at a space, or after a hyphen or slash; anywhere else it ends inside a word.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      if (text.trim().length < 2 || !node.parentElement || !isShown(node.parentElement)) continue
      const range = document.createRange()
      let previousTop: number | null = null
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        const rect = range.getBoundingClientRect()
        if (rect.height === 0) continue
        if (previousTop !== null && rect.top > previousTop + rect.height / 2) {
          const before = text[i - 1] ?? ' '
          if (!/[\s\-/]/.test(before) && !/\s/.test(text[i] ?? ' ')) {
            problems.push(
              `“${text.trim().slice(0, 40)}” wraps inside a word (${text.slice(Math.max(0, i - 6), i)}|${text.slice(i, i + 6)})`,
            )
          }
        }
        previousTop = rect.top
      }
    }
    return problems
  }, check)
}
