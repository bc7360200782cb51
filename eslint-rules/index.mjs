/**
 * Scriptorium's own lint rules: the "one gate" of issue 11. Payload's Local API skips
 * access unless told otherwise, so the decision to act as the system must be visible at
 * every call and made in one place (src/access/system.ts, `asSystem(proof, args)`).
 */

/** Local API methods that take `overrideAccess` (and default it to true). */
const LOCAL_API_METHODS = new Set([
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'delete',
  'duplicate',
  'find',
  'findByID',
  'findDistinct',
  'findGlobal',
  'findGlobalVersionByID',
  'findGlobalVersions',
  'findVersionByID',
  'findVersions',
  'forgotPassword',
  'login',
  'resetPassword',
  'restoreGlobalVersion',
  'restoreVersion',
  'unlock',
  'update',
  'updateGlobal',
  'verifyEmail',
])

const GATE_HINT =
  'read the subject as the caller through the gate (src/operations/gate.ts), then spread ...asSystem(proofOf(req)) into the options; jobs, seed, migrations and server start-up spread ...asSystem(systemProof(why))'

const keyName = (node) => {
  if (node.computed) return null
  if (node.key.type === 'Identifier') return node.key.name
  if (node.key.type === 'Literal') return String(node.key.value)
  return null
}

const unwrap = (node) => {
  let current = node
  while (current && (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression')) current = current.expression
  return current
}

const isFalse = (node) => {
  const value = unwrap(node)
  return value?.type === 'Literal' && value.value === false
}

/** `payload.find(…)`, `req.payload.find(…)`, `args.req.payload?.find(…)`. */
const isLocalApiCall = (node) => {
  const callee = node.callee
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return false
  if (!LOCAL_API_METHODS.has(callee.property.name)) return false
  const target = callee.object
  if (target.type === 'Identifier') return target.name === 'payload'
  return target.type === 'MemberExpression' && !target.computed && target.property.type === 'Identifier' && target.property.name === 'payload'
}

const isAsSystemCall = (node) => node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'asSystem'

/** @type {import('eslint').Rule.RuleModule} */
const noOverrideAccess = {
  meta: {
    type: 'problem',
    docs: { description: 'overrideAccess is false or set by asSystem (src/access/system.ts) only' },
    schema: [],
    messages: {
      literal: `overrideAccess may only be the literal false here: ${GATE_HINT}.`,
      assignment: `overrideAccess is never assigned: ${GATE_HINT}.`,
    },
  },
  create(context) {
    return {
      Property(node) {
        if (node.parent.type !== 'ObjectExpression') return
        if (keyName(node) !== 'overrideAccess') return
        if (!isFalse(node.value)) context.report({ node, messageId: 'literal' })
      },
      AssignmentExpression(node) {
        const target = node.left
        if (target.type !== 'MemberExpression') return
        const name = target.computed ? (target.property.type === 'Literal' ? String(target.property.value) : null) : target.property.name
        if (name === 'overrideAccess') context.report({ node, messageId: 'assignment' })
      },
    }
  },
}

/** @type {import('eslint').Rule.RuleModule} */
const localApiStatesAccess = {
  meta: {
    type: 'problem',
    docs: { description: 'Every Local API call states overrideAccess (Payload defaults it to true)' },
    schema: [],
    messages: {
      missing:
        'This Local API call does not state overrideAccess (Payload defaults it to true): write overrideAccess: false with user, or spread ...asSystem(proof). No other spread counts: state it at the call.',
      opaque: 'Pass the Local API call an object literal that states overrideAccess (false, or ...asSystem(proof)), so the reader sees whose access applies.',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        if (!isLocalApiCall(node)) return
        const options = unwrap(node.arguments[0])
        if (options?.type !== 'ObjectExpression') {
          context.report({ node, messageId: 'opaque' })
          return
        }
        const states = options.properties.some(
          (property) => (property.type === 'Property' && keyName(property) === 'overrideAccess') || (property.type === 'SpreadElement' && isAsSystemCall(unwrap(property.argument))),
        )
        if (!states) context.report({ node, messageId: 'missing' })
      },
    }
  },
}

export default {
  meta: { name: 'scriptorium' },
  rules: {
    'no-override-access': noOverrideAccess,
    'local-api-states-access': localApiStatesAccess,
  },
}
