/** Letters of the right-to-left scripts people write names and labels in. */
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u

/** Characters that set the direction of what follows them (overrides, embeddings, isolates, marks). */
const BIDI_CONTROL = /\p{Bidi_Control}/u
/** The isolates (U+2066–U+2069): the page's own are for the screen only. */
const ISOLATES = /[\u2066-\u2069]/g

/**
 * A user's text set into one of the page's sentences. Right-to-left text is isolated (U+2068 … U+2069,
 * the plain-text `<bdi>`): without it, an Arabic nickname ending in a digit pulls the digit and the
 * sentence's next punctuation into its own order ("Saved 2 مكتب:"). So is text with direction controls
 * (another API client may store a U+202E), whose effect then ends with it; isolates inside are dropped,
 * since an unmatched one would end the page's early. Other text is left as it is.
 */
export function isolated(text: string): string {
  return RIGHT_TO_LEFT.test(text) || BIDI_CONTROL.test(text) ? `\u2068${text.replace(ISOLATES, '')}\u2069` : text
}

/** A sentence without the isolates `isolated` put in: for text that leaves the screen (a change reason sent to the server). */
export function withoutIsolates(text: string): string {
  return text.replace(ISOLATES, '')
}

/** A user's text quoted in a sentence: “Front desk”. */
export function quoted(text: string): string {
  return `“${isolated(text)}”`
}
