import {
  discardEarlyResponses,
  fetchWithEarlyResponses,
  holdNetworkUntil,
  offerEarlyResponse,
} from '@/lib/early-requests'

const URL_A = 'http://api.test/v1/me'
const headers = { Accept: 'application/json', Authorization: 'Bearer key_a' }

afterEach(() => discardEarlyResponses())

function offer(answer: Promise<Response | null>) {
  let signal: AbortSignal | undefined
  void offerEarlyResponse({ url: URL_A, headers }, (s) => {
    signal = s
    return answer
  })
  return () => signal!
}

/** Network stand-in: every request that is not answered early lands here. */
function network() {
  const calls: string[] = []
  vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
    calls.push(input instanceof Request ? input.url : input.toString())
    return Promise.resolve(Response.json({ from: 'network' }))
  })
  return calls
}

test('the same request (method, URL, key) takes the early answer, once', async () => {
  const calls = network()
  offer(Promise.resolve(Response.json({ from: 'early' })))
  const first = await fetchWithEarlyResponses(URL_A, { method: 'GET', headers })
  const second = await fetchWithEarlyResponses(URL_A, { method: 'GET', headers })
  expect(await first.json()).toEqual({ from: 'early' })
  expect(await second.json()).toEqual({ from: 'network' })
  expect(calls).toEqual([URL_A])
})

test('another key or another URL is not answered early', async () => {
  const calls = network()
  offer(Promise.resolve(Response.json({ from: 'early' })))
  await fetchWithEarlyResponses(URL_A, { method: 'GET', headers: { ...headers, Authorization: 'Bearer key_b' } })
  await fetchWithEarlyResponses(`${URL_A}?x=1`, { method: 'GET', headers })
  expect(calls).toEqual([URL_A, `${URL_A}?x=1`])
})

test('an early request the boot script decided not to send is sent by the app', async () => {
  const calls = network()
  offer(Promise.resolve(null))
  expect(await (await fetchWithEarlyResponses(URL_A, { method: 'GET', headers })).json()).toEqual({ from: 'network' })
  expect(calls).toEqual([URL_A])
})

test('answers not taken are dropped, and their requests cancelled', async () => {
  const calls = network()
  const signal = offer(new Promise<Response>(() => {}))
  discardEarlyResponses()
  expect(signal().aborted).toBe(true)
  await fetchWithEarlyResponses(URL_A, { method: 'GET', headers })
  expect(calls).toEqual([URL_A])
})

test('the taker giving up (timeout, unmount) cancels the early request and rejects as fetch would', async () => {
  const signal = offer(new Promise<Response>(() => {}))
  const controller = new AbortController()
  const taken = fetchWithEarlyResponses(URL_A, { method: 'GET', headers, signal: controller.signal })
  controller.abort(new DOMException('Timed out', 'TimeoutError'))
  await expect(taken).rejects.toMatchObject({ name: 'TimeoutError' })
  expect(signal().aborted).toBe(true)
})

test('a request waiting for the network (the demo’s service worker) still ends when its signal fires', async () => {
  const calls = network()
  holdNetworkUntil(new Promise(() => {}))
  try {
    const controller = new AbortController()
    const waiting = fetchWithEarlyResponses(URL_A, { method: 'GET', headers, signal: controller.signal })
    controller.abort(new DOMException('Timed out', 'TimeoutError'))
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(calls).toEqual([])
  } finally {
    holdNetworkUntil(Promise.resolve())
  }
})

test('requests wait for the network, then go to it', async () => {
  const calls = network()
  let ready = () => {}
  holdNetworkUntil(new Promise<void>((resolve) => (ready = resolve)))
  try {
    const sent = fetchWithEarlyResponses(URL_A, { method: 'GET', headers, signal: new AbortController().signal })
    await Promise.resolve()
    expect(calls).toEqual([])
    ready()
    expect(await (await sent).json()).toEqual({ from: 'network' })
    expect(calls).toEqual([URL_A])
  } finally {
    holdNetworkUntil(Promise.resolve())
  }
})
