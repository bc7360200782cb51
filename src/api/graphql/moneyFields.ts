import { GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType, GraphQLString, type GraphQLFieldConfig } from 'graphql'
import { GraphQLJSON } from '@payloadcms/graphql/types'
import { type GraphQLInfo, isolateObjectProperty } from 'payload'

import { myWallet } from '@/operations/ledger/myWallet'
import { checkoutOnce } from '@/operations/payments/checkoutOnce'
import { type MoneyCommand, moneyCommandOf, runMoneyCommand } from '@/operations/payments/moneyCommand'

import { valueOf } from './answers'
import { idempotencyKeyArg, jsonArg, recordIdArg, type ResolverContext } from './args'
import { docTypeOf } from './collectionTypes'

type Field = GraphQLFieldConfig<unknown, ResolverContext, Record<string, unknown>>

const nonNull = <T extends GraphQLOutputType>(type: T) => new GraphQLNonNull(type)

/**
 * The GraphQL names of the money POSTs (`moneyPost` routes), by collection and path.
 * Each runs the route's own command: its schema, idempotency scope and operation.
 */
export const MONEY_MUTATIONS: Record<string, string> = {
  'orders /:id/refunds': 'refundOrder',
  'wallets /:id/adjust': 'adjustWallet',
  'payout-requests /': 'requestPayout',
  'payments /:id/confirm': 'confirmPayment',
}

/** Every money POST of the config with the command it runs. */
export const moneyPosts = (config: GraphQLInfo['collections'][string]['config'][]) =>
  config.flatMap((collection) =>
    (collection.endpoints || []).flatMap((endpoint) => {
      const command = moneyCommandOf(endpoint)
      return command ? [{ route: `${collection.slug} ${endpoint.path}`, collection: collection.slug, path: endpoint.path, command }] : []
    }),
  )

const moneyMutation = (collection: string, path: string, command: MoneyCommand): Field => {
  const withId = path.includes(':id')
  return {
    type: nonNull(GraphQLJSON),
    description: `POST /api/${collection}${path === '/' ? '' : path}: the same body as \`input\`, the same answer as JSON; \`idempotencyKey\` as the \`Idempotency-Key\` header (one scope for both).`,
    args: { ...(withId ? { id: { type: nonNull(GraphQLInt) } } : {}), input: { type: nonNull(GraphQLJSON) }, idempotencyKey: { type: GraphQLString } },
    resolve: async (_source, args, { req }) => {
      // The command reads the record's id where the REST route has it.
      const routed = isolateObjectProperty(req, ['transactionID', 'routeParams'])
      routed.routeParams = withId ? { id: String(recordIdArg(args.id)) } : {}
      return valueOf(await runMoneyCommand(routed, command, jsonArg(args.input), idempotencyKeyArg(args.idempotencyKey)))
    },
  }
}

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
  const money = Object.fromEntries(
    moneyPosts(info.collections ? Object.values(info.collections).map((c) => c.config) : [])
      .filter(({ route }) => MONEY_MUTATIONS[route])
      .map(({ route, collection, path, command }) => [MONEY_MUTATIONS[route]!, moneyMutation(collection, path, command)]),
  )
  return { queries: { myWallet: myWalletField }, mutations: { checkout: checkoutField, ...money } }
}
