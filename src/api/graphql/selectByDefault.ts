import { type GraphQLArgumentConfig, type GraphQLFieldConfigArgumentMap, GraphQLBoolean } from 'graphql'
import type { GraphQLInfo } from 'payload'

const SELECT_ON: GraphQLArgumentConfig = {
  type: GraphQLBoolean,
  defaultValue: true,
  description: 'Read only the fields the query names (the default); `false` reads whole documents.',
}

/**
 * Payload's document queries (`Orders`, `Order`, a global) read every column of every
 * document unless the query passes `select: true`, and only then read just the fields the
 * query names: a list of nine fields cost three times the same REST list with `select`.
 * Here `select` is on unless the query says `select: false`. Fields that access rules and
 * read hooks look at are read whatever is selected (each collection's `forceSelect`), so a
 * selection never changes what a field answers.
 *
 * The argument is changed on Payload's own field rather than the field replaced: a
 * replaced query field is wrapped with a copy of the context, and the selection the list
 * resolver leaves on the context for the relationships below it would be lost.
 */
export const selectByDefault = (info: GraphQLInfo): void => {
  for (const field of Object.values(info.Query.fields as Record<string, { args?: GraphQLFieldConfigArgumentMap }>)) {
    if (field.args?.select?.type === GraphQLBoolean) field.args.select = SELECT_ON
  }
}
