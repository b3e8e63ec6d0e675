import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '@/mocks/node'
import { givenNumber } from '@/testing/builders'
import { findRow } from '@/testing/numbers-table'
import { recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'

test('reads retry a 503 with backoff and then show the rows', async () => {
  const number = givenNumber()
  let failures = 0
  server.use(
    http.get('*/v1/phone-numbers', () => {
      if (failures++ < 2) return HttpResponse.json({ error: { code: 'internal', message: 'busy' } }, { status: 503 })
      return undefined
    }),
  )
  renderApp()
  expect(await findRow(number, 8000)).toBeInTheDocument()
  expect(failures).toBe(3)
})

test('a 4xx read is not retried: one request, then the error with Retry', async () => {
  const requests = recordRequests()
  server.use(
    http.get('*/v1/phone-numbers', () =>
      HttpResponse.json({ error: { code: 'validation_failed', message: 'bad query' } }, { status: 400 }),
    ),
  )
  renderApp()
  expect(await screen.findByRole('heading', { name: 'The numbers could not be loaded' })).toBeInTheDocument()
  expect(requests.filter((r) => r.path === '/v1/phone-numbers')).toHaveLength(1)
})

test('a failed list load shows the error and a working Retry', async () => {
  const number = givenNumber()
  server.use(
    http.get(
      '*/v1/phone-numbers',
      () =>
        new HttpResponse('<html><body>Bad gateway</body></html>', {
          status: 400,
          headers: { 'Content-Type': 'text/html' },
        }),
      { once: true },
    ),
  )
  const { user } = renderApp()
  const alert = await screen.findByRole('alert')
  expect(within(alert).getByRole('heading', { name: 'The numbers could not be loaded' })).toBeInTheDocument()
  expect(alert).toHaveTextContent('The server answered 400')
  expect(alert).not.toHaveTextContent('<html>')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await findRow(number)).toBeInTheDocument()
})

test.each([
  ['an empty body', () => new HttpResponse(null, { status: 200 })],
  ['a body of the wrong shape', () => HttpResponse.json({ rows: [] })],
  ['an HTML page', () => new HttpResponse('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } })],
])('a list answered with %s is an error state with Retry, not a crash', async (_, answer) => {
  const number = givenNumber()
  server.use(http.get('*/v1/phone-numbers', answer, { once: true }))
  const { user } = renderApp()
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The server sent an answer')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await findRow(number)).toBeInTheDocument()
})
