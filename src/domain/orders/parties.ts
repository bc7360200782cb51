/**
 * How a user stands to one order: staff of its website, its client, or its current
 * writer. File and message rules are written in these terms rather than in roles: a
 * writer of the website who is not this order's writer is no party to it.
 */
export type OrderParty = 'staff' | 'client' | 'writer'

export type OrderPeople = { client: number | null; writer: number | null }

export const partiesOf = (user: { id: number; staffOfWebsite: boolean }, order: OrderPeople): OrderParty[] => {
  const parties: OrderParty[] = []
  if (user.staffOfWebsite) parties.push('staff')
  if (order.client === user.id) parties.push('client')
  if (order.writer === user.id) parties.push('writer')
  return parties
}

/** Why a party's request on an order is refused: the HTTP status and the field it is about. */
export type Refusal = { status: 400 | 403 | 409; path: string; message: string }
