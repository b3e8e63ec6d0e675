/** Time helpers shared by the fixtures and the computed seed. */

export const DAY = 86_400_000

const dayStrings = new Map<number, string>()
const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** toISOString, with the date part computed once per day: a page of records formats 100 timestamps. */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY)
  let date = dayStrings.get(day)
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10)
    dayStrings.set(day, date)
  }
  const time = ms - day * DAY
  return `${date}T${pad(Math.floor(time / 3_600_000), 2)}:${pad(Math.floor(time / 60_000) % 60, 2)}:${pad(Math.floor(time / 1000) % 60, 2)}.${pad(time % 1000, 3)}Z`
}
