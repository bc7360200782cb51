import { GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType, GraphQLString, type GraphQLFieldConfig } from 'graphql'
import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLInfo } from 'payload'

import { myWallet } from '@/operations/ledger/myWallet'
import { checkoutOnce } from '@/operations/payments/checkoutOnce'

import { valueOf } from './answers'
import { idempotencyKeyArg, jsonArg, type ResolverContext } from './args'
import { docTypeOf } from './collectionTypes'

type Field = GraphQLFieldConfig<unknown, ResolverContext, Record<string, unknown>>

const nonNull = <T extends GraphQLOutputType>(type: T) => new GraphQLNonNull(type)

/** Checkout and the caller's wallet: `POST /api/payments/checkout` and `GET /api/wallets/me` on GraphQL. */
export const moneyFields = (info: GraphQLInfo) => {
  const checkoutAnswer = new GraphQLObjectType({
    name: 'CheckoutAnswer',
    fields: {
      payment: { type: nonNull(docTypeOf(info, 'payments') as GraphQLOutputType) },
      checkoutUrl: { type: GraphQLString, description: "Stripe's hosted page to send the payer to (stripe only)." },
    },
  })
  const entry = new GraphQLObjectType({
    name: 'WalletEntry',
    fields: {
      reference: { type: nonNull(GraphQLString) },
      type: { type: nonNull(GraphQLString) },
      memo: { type: GraphQLString },
      amount: { type: nonNull(GraphQLInt), description: 'Minor units; credits positive.' },
      at: { type: nonNull(GraphQLString), description: 'ISO date and time.' },
    },
  })
  const statement = new GraphQLObjectType({
    name: 'WalletStatement',
    fields: {
      balance: { type: nonNull(GraphQLInt), description: 'Minor units.' },
      held: { type: nonNull(GraphQLInt), description: 'Minor units set aside (payout requests waiting).' },
      currency: { type: nonNull(GraphQLString) },
      entries: { type: nonNull(new GraphQLList(nonNull(entry))), description: 'The latest 50, newest first.' },
    },
  })
  const kind = new GraphQLEnumType({ name: 'WalletKind', values: { client: { value: 'client' }, writer: { value: 'writer' } } })

  const myWalletField: Field = {
    type: nonNull(statement),
    description: "GET /api/wallets/me: the caller's wallet on the request's website (by default the kind their role holds).",
    args: { kind: { type: kind } },
    resolve: async (_source, args, { req }) => myWallet(req, (args.kind as string | undefined) ?? null),
  }
  const checkoutField: Field = {
    type: nonNull(checkoutAnswer),
    description:
      'POST /api/payments/checkout: pays an order, an invoice or installment, a tip, or tops up the wallet. `input`: `{ purpose, order? | invoice? | installment? | amount?, provider }`. With `idempotencyKey` (the same as the REST header) it runs once per key.',
    args: { input: { type: nonNull(GraphQLJSON) }, idempotencyKey: { type: GraphQLString } },
    resolve: async (_source, args, { req }) => valueOf(await checkoutOnce(req, idempotencyKeyArg(args.idempotencyKey), jsonArg(args.input))),
  }
  return { queries: { myWallet: myWalletField }, mutations: { checkout: checkoutField } }
}
