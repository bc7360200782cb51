import { GraphQLJSON } from '@payloadcms/graphql/types'
import { GraphQLBoolean, GraphQLEnumType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType, GraphQLString, type GraphQLFieldConfig } from 'graphql'
import type { GraphQLInfo } from 'payload'

import { WORKFLOW_COLLECTIONS, type WorkflowCollection } from '@/domain/workflow/collections'
import { actionNames } from '@/domain/workflow/define'
import { type ActionAnswer, actionScope, answerAction } from '@/operations/workflow/actionAnswer'
import { listActions } from '@/operations/workflow/performAction'
import { subjectOf } from '@/operations/workflow/registry'

import { valueOf } from './answers'
import { idempotencyKeyArg, jsonArg, recordIdArg, type ResolverContext } from './args'
import { docTypeOf, typeNameOf } from './collectionTypes'

type Field = GraphQLFieldConfig<unknown, ResolverContext, Record<string, unknown>>

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1)

/** The workflow's action names as a GraphQL enum; each value's description is its label. */
const actionEnum = (collection: WorkflowCollection, typeName: string) => {
  const { workflow } = subjectOf(collection)
  const values = Object.fromEntries(
    actionNames(workflow).map((name) => {
      // An action name is a GraphQL name as well: a new workflow with another spelling fails at start-up, not for its first caller.
      if (!NAME.test(name)) throw new Error(`workflow ${collection}: the action "${name}" is not a valid GraphQL enum value`)
      const rule = workflow.actions[name]!
      return [name, { value: name, description: rule.money ? `${rule.label} (moves money: \`idempotencyKey\` honoured)` : rule.label }]
    }),
  )
  return new GraphQLEnumType({ name: `${typeName}ActionName`, description: `The actions of the ${workflow.noun} workflow.`, values })
}

/**
 * For one workflow collection, from its table in the registry: a query of what the
 * caller may do with a record now (`<type>Actions`) and a mutation performing one
 * (`perform<Type>Action`), both through the operations behind
 * `GET|POST /api/<collection>/:id/actions[/:action]`: the same access, tenant rule,
 * refusals and idempotency (the same key scope, so a REST retry replays a GraphQL
 * first attempt and the other way round).
 */
const fieldsOf = (info: GraphQLInfo, collection: WorkflowCollection) => {
  const typeName = typeNameOf(info, collection)
  const action = actionEnum(collection, typeName)
  const available = new GraphQLObjectType({
    name: `${typeName}AvailableAction`,
    fields: {
      action: { type: new GraphQLNonNull(action) },
      label: { type: new GraphQLNonNull(GraphQLString) },
      input: { type: new GraphQLNonNull(GraphQLJSON), description: "The action's input as JSON Schema (draft 2020-12): pass it as `input`." },
      money: { type: new GraphQLNonNull(GraphQLBoolean), description: 'Moves money: send an `idempotencyKey` so a retry cannot repeat it.' },
    },
  })
  const blocked = new GraphQLObjectType({
    name: `${typeName}BlockedAction`,
    fields: { action: { type: new GraphQLNonNull(action) }, label: { type: new GraphQLNonNull(GraphQLString) }, reason: { type: new GraphQLNonNull(GraphQLString) } },
  })
  const list = (type: GraphQLObjectType) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)))
  const actions = new GraphQLObjectType({ name: `${typeName}Actions`, fields: { available: { type: list(available) }, blocked: { type: list(blocked) } } })
  const result = new GraphQLObjectType({
    name: `${typeName}ActionResult`,
    fields: {
      doc: { type: docTypeOf(info, collection) as GraphQLOutputType, description: 'The record after the action, as the caller may read it.' },
      event: { type: new GraphQLNonNull(GraphQLJSON), description: 'The timeline event the action wrote.' },
      extra: { type: GraphQLJSON, description: "Anything else the REST answer carries (an invoice's `payUrl`), or null." },
    },
  })

  const query: Field = {
    type: new GraphQLNonNull(actions),
    description: `GET /api/${collection}/:id/actions: what the caller may do with the record now, and what a business rule holds back.`,
    args: { id: { type: new GraphQLNonNull(GraphQLInt) } },
    resolve: async (_source, args, { req }) => listActions(req, collection, recordIdArg(args.id)),
  }
  const mutation: Field = {
    type: new GraphQLNonNull(result),
    description: `POST /api/${collection}/:id/actions/:action: performs the action (404 not visible, 403 not the caller's, 409 wrong status, 422 a rule refuses, 400 a bad input field).`,
    args: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      action: { type: new GraphQLNonNull(action) },
      input: { type: GraphQLJSON, description: "The action's input (see `input` of the available action)." },
      idempotencyKey: { type: GraphQLString, description: 'Honoured by actions that move money, as the `Idempotency-Key` header.' },
    },
    resolve: async (_source, args, { req }) => {
      const id = recordIdArg(args.id)
      const name = String(args.action)
      const key = idempotencyKeyArg(args.idempotencyKey)
      const answer = valueOf(await answerAction(req, { collection, id, action: name, body: jsonArg(args.input), key, scope: actionScope(collection, name, id) })) as ActionAnswer
      const { doc, event, ...extra } = answer
      return { doc, event, extra: Object.keys(extra).length > 0 ? extra : null }
    },
  }
  return { query: [`${lowerFirst(typeName)}Actions`, query] as const, mutation: [`perform${typeName}Action`, mutation] as const }
}

/** The actions query and mutation of every workflow collection in the registry: a new workflow appears with no hand work. */
export const workflowFields = (info: GraphQLInfo) => {
  const all = WORKFLOW_COLLECTIONS.map((collection) => fieldsOf(info, collection))
  return {
    queries: Object.fromEntries(all.map(({ query }) => query)) as Record<string, Field>,
    mutations: Object.fromEntries(all.map(({ mutation }) => mutation)) as Record<string, Field>,
  }
}
