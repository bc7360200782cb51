import type { NamedGroupField } from 'payload'

/** How clients of this website may pay, beyond the wallet and cards. */
export const paymentFields: NamedGroupField = {
  name: 'payments',
  type: 'group',
  fields: [
    {
      name: 'manualEnabled',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description:
          'Manual payments (bank transfer, cash): the client starts one, and an admin of this website confirms it once the money has arrived. ' +
          'In production they are taken only when this is ticked; in development and tests always; PAYMENTS_MANUAL_ENABLED=false on the server turns them off everywhere.',
      },
    },
  ],
}
