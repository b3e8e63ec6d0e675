/** Letters of the right-to-left scripts people write names and labels in. */
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u

/**
 * A user's text set into one of the page's sentences. Right-to-left text is isolated (U+2068 … U+2069,
 * the plain-text `<bdi>`): without it, an Arabic nickname ending in a digit pulls the digit and the
 * sentence's next punctuation into its own order ("Saved 2 مكتب:"). Other text is left as it is.
 */
export function isolated(text: string): string {
  return RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text
}

/** A user's text quoted in a sentence: “Front desk”. */
export function quoted(text: string): string {
  return `“${isolated(text)}”`
}
