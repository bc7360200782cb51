import { GraphQLJSON } from '@payloadcms/graphql/types'
import { getTranslation } from '@payloadcms/translations'
import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType, GraphQLString, type GraphQLFieldConfig } from 'graphql'
import { createOperation, type GraphQLInfo, type RequiredDataFromCollectionSlug } from 'payload'

import { invalidInput } from '@/errors'
import { PLACEMENT_SCOPE } from '@/operations/orders/placeOrder'
import { withIdempotency } from '@/operations/payments/idempotency'
import { quoteOrder } from '@/operations/quoteOrder'

import { valueOf } from './answers'
import { idempotencyKeyArg, jsonArg, type ResolverContext } from './args'
import { docTypeOf } from './collectionTypes'

type Field = GraphQLFieldConfig<unknown, ResolverContext, Record<string, unknown>>

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Quotes and placement: `POST /api/orders/quote` and `POST /api/orders` on GraphQL. */
export const orderFields = (info: GraphQLInfo) => {
  const quote = new GraphQLObjectType({
    name: 'OrderQuote',
    fields: {
      total: { type: new GraphQLNonNull(GraphQLInt), description: 'In minor units of `currency`.' },
      currency: { type: new GraphQLNonNull(GraphQLString) },
      lines: { type: new GraphQLNonNull(GraphQLJSON), description: 'How the total is made: `[{ kind, label, amount }]`, amounts in minor units.' },
    },
  })

  const quoteOrderField: Field = {
    type: new GraphQLNonNull(quote),
    description: "POST /api/orders/quote: the price of an order with these inputs on the request's website (anyone). The server prices everything.",
    args: { input: { type: new GraphQLNonNull(GraphQLJSON), description: '`{ pages, spacing, deadlineHours, paperType, workType, academicLevel, subject, analysisLevel?, writerLevel?, preferredWriter?, addons? }`' } },
    resolve: async (_source, args, { req }) => {
      const { total, currency, lines } = await quoteOrder(req, jsonArg(args.input))
      return { total, currency, lines }
    },
  }

  const placeOrderField: Field = {
    type: new GraphQLNonNull(docTypeOf(info, 'orders') as GraphQLOutputType),
    description:
      'POST /api/orders: places an order, priced and numbered by the server, through the same create and placement hook. With `idempotencyKey` it places once per key (the same key as the REST header): a retry answers the first result, the same key with another order is refused (422).',
    args: {
      data: { type: new GraphQLNonNull(GraphQLJSON), description: "The order's fields as `POST /api/orders` takes them." },
      idempotencyKey: { type: GraphQLString },
    },
    resolve: async (_source, args, { req }) => {
      const data = jsonArg(args.data)
      if (!isObject(data)) throw invalidInput([{ path: 'data', message: "An object: the order's fields." }])
      const key = idempotencyKeyArg(args.idempotencyKey)
      const answer = await withIdempotency(req, key, PLACEMENT_SCOPE, data, async () => ({
        status: 201,
        // The answer REST's create gives, so a key first used here replays the same over REST.
        body: {
          doc: await createOperation({ collection: req.payload.collections.orders, data: data as RequiredDataFromCollectionSlug<'orders'>, depth: 0, req }),
          message: req.t('general:successfullyCreated', { label: getTranslation(req.payload.collections.orders.config.labels.singular, req.i18n) }),
        },
      }))
      return (valueOf(answer) as { doc: unknown }).doc
    },
  }

  return { queries: { quoteOrder: quoteOrderField }, mutations: { placeOrder: placeOrderField } }
}
