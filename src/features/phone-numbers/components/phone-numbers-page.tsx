import { useQuery } from '@tanstack/react-query'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'

export function PhoneNumbersPage() {
  const numbers = useQuery(phoneNumberQueries.list({ page: 1, limit: 50 }))
  return (
    <main>
      <h1>Phone numbers</h1>
      <table>
        <tbody>
          {numbers.data?.data.map((n) => (
            <tr key={n.id}>
              <td>{n.phone_number}</td>
              <td>{n.nickname}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  )
}
