import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLObjectType, GraphQLScalarType } from 'graphql'
import type { CollectionSlug, GraphQLInfo } from 'payload'

const pascal = (slug: string) => slug.replace(/(^|[-_])(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase())

/** The collection's GraphQL object type as Payload built it, or null when its GraphQL is off. */
const payloadTypeOf = (info: GraphQLInfo, slug: CollectionSlug): GraphQLObjectType | null => info.collections[slug]?.graphQL?.type ?? null

/** The name Payload gave the collection's type (`Order`, `PayoutRecord`): our types of it start with it. */
export const typeNameOf = (info: GraphQLInfo, slug: CollectionSlug): string => payloadTypeOf(info, slug)?.name ?? pascal(slug)

/**
 * What a workflow field answers for a document: the collection's own type, so a
 * frontend selects fields and follows relationships (read as the caller, through the
 * same access); JSON when the collection has no GraphQL type.
 */
export const docTypeOf = (info: GraphQLInfo, slug: CollectionSlug): GraphQLObjectType | GraphQLScalarType => payloadTypeOf(info, slug) ?? GraphQLJSON
