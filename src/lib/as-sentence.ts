/** A server's message (or any text) ending as a sentence, so that another can follow it. */
export const asSentence = (text: string): string => (/[.!?…]$/.test(text) ? text : `${text}.`)
