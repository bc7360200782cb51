import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { actionListOf, answerOf, bodyOf, humanize, initialValues, inputFieldsOf, type JsonSchema, suggestionsOf, TEXTAREA_FROM } from '@/components/admin/ActionPanel/actionForm'
import { ACTION_INPUTS } from '@/domain/orders/actionInputs'
import { WORKFLOWS } from '@/domain/workflow/all'
import { inputJsonSchema } from '@/domain/workflow/define'

// The schemas exactly as GET /api/<collection>/:id/actions sends them.
const schemaOf = (type: z.ZodObject) => inputJsonSchema(type) as JsonSchema

describe('the action form read from an action input JSON Schema', () => {
  it('draws the order inputs zod describes: writer number, direct checkbox, reason textarea, enum select', () => {
    expect(inputFieldsOf(schemaOf(ACTION_INPUTS.assign))).toEqual([
      { name: 'writer', label: 'Writer', required: true, kind: 'integer', min: 1, max: 2_147_483_647 },
      { name: 'direct', label: 'Direct', required: false, kind: 'checkbox' },
    ])
    // Where a cancellation's refund goes: optional, the website's default when left empty.
    const refundTo = [
      expect.objectContaining({ name: 'destination', label: 'Destination', required: false, kind: 'select', options: ['wallet', 'provider', 'external'] }),
      expect.objectContaining({ name: 'externalReference', label: 'External reference', required: false, kind: 'text', maxLength: 200 }),
    ]
    expect(inputFieldsOf(schemaOf(ACTION_INPUTS.cancel))).toEqual([{ name: 'reason', label: 'Reason', required: true, kind: 'textarea', maxLength: 2000 }, ...refundTo])
    const dispute = inputFieldsOf(schemaOf(ACTION_INPUTS.openDispute))
    expect(dispute[0]).toMatchObject({ name: 'reason', kind: 'select', required: true, options: ['quality_issue', 'late_delivery', 'wrong_file', 'conduct_issue', 'payment_issue', 'other'] })
    expect(inputFieldsOf(schemaOf(ACTION_INPUTS.approveCancellation))).toEqual([{ name: 'forfeitPercent', label: 'Forfeit percent', required: false, kind: 'integer', min: 0, max: 80 }, ...refundTo])
  })

  it('draws a control for every input of every workflow action, none as a bare text box by default', () => {
    for (const [collection, workflow] of Object.entries(WORKFLOWS)) {
      for (const [action, rule] of Object.entries(workflow.actions as Record<string, { input?: z.ZodObject }>)) {
        const schema = schemaOf(rule.input ?? z.object({}))
        const fields = inputFieldsOf(schema)
        expect(fields.map((f) => f.name), `${collection}.${action}`).toEqual(Object.keys(schema.properties ?? {}))
        for (const field of fields) {
          const property = schema.properties![field.name]!
          const expected = property.enum ? 'select' : property.type === 'boolean' ? 'checkbox' : property.type === 'integer' ? 'integer' : property.type === 'number' ? 'number' : (property.maxLength ?? Infinity) > TEXTAREA_FROM ? 'textarea' : 'text'
          expect(field.kind, `${collection}.${action}.${field.name}`).toBe(expected)
        }
      }
    }
    expect(inputFieldsOf(schemaOf(WORKFLOWS['payout-records'].actions.pay.input!))).toEqual([
      { name: 'method', label: 'Method', required: true, kind: 'select', options: expect.arrayContaining(['bank_transfer']) },
      { name: 'externalReference', label: 'External reference', required: true, kind: 'text', maxLength: 200 },
    ])
  })

  it('gives a one-line input up to the textarea threshold and a textarea past it or without a limit', () => {
    const fields = inputFieldsOf(schemaOf(z.object({ ref: z.string().max(TEXTAREA_FROM), long: z.string().max(TEXTAREA_FROM + 1), free: z.string() })))
    expect(fields.map((f) => f.kind)).toEqual(['text', 'textarea', 'textarea'])
  })

  it('reads exclusive bounds, nullable types and titles; no properties means no form', () => {
    const fields = inputFieldsOf({
      type: 'object',
      properties: { amount: { type: 'integer', exclusiveMinimum: 0, title: 'Amount (cents)' }, note: { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'null' }], description: 'Why' }, flag: { type: ['boolean', 'null'] } },
      required: ['amount'],
    })
    expect(fields).toEqual([
      { name: 'amount', label: 'Amount (cents)', required: true, kind: 'integer', min: 1 },
      { name: 'note', label: 'Note', required: false, kind: 'text', maxLength: 20, hint: 'Why' },
      { name: 'flag', label: 'Flag', required: false, kind: 'checkbox' },
    ])
    expect(inputFieldsOf({ type: 'object', properties: {} })).toEqual([])
    expect(inputFieldsOf(undefined)).toEqual([])
  })

  it('builds the body the server parses: numbers as numbers, empty optional inputs left out, booleans always', () => {
    const fields = inputFieldsOf(schemaOf(z.object({ writer: z.number().int(), direct: z.boolean().optional(), note: z.string().max(50).optional(), method: z.enum(['bank', 'paypal']), reason: z.string().min(1) })))
    const start = initialValues(fields)
    expect(start).toEqual({ writer: '', direct: false, note: '', method: 'bank', reason: '' })
    expect(bodyOf(fields, { ...start, writer: ' 42 ', note: '  ' })).toEqual({ writer: 42, direct: false, method: 'bank', reason: '' })
    expect(bodyOf(fields, start)).toEqual({ direct: false, method: 'bank', reason: '' })
    expect(bodyOf(fields, { ...start, writer: '7', direct: true, note: 'hi', reason: 'late' })).toEqual({ writer: 7, direct: true, note: 'hi', method: 'bank', reason: 'late' })
    // Not a number: sent as typed so the server's 400 names the field.
    expect(bodyOf(fields, { ...start, writer: '1e400' })).toMatchObject({ writer: '1e400' })
  })
})

describe('the answers of the actions endpoints', () => {
  it('shows the new status of `{ doc, event }`, or of the event alone, or just done', () => {
    expect(answerOf('Mark paid', 200, { doc: { id: 3, status: 'ready_for_staffing' }, event: { to: 'ready_for_staffing' } })).toEqual({ ok: true, status: 'ready_for_staffing', message: 'Mark paid: done. Status: Ready for staffing.' })
    expect(answerOf('Pay', 200, { event: { to: 'paid' } })).toMatchObject({ ok: true, status: 'paid' })
    expect(answerOf('Route to pool', 200, {})).toEqual({ ok: true, message: 'Route to pool: done.' })
    expect(answerOf('Issue', 200, { doc: { status: 'issued' }, event: {}, payUrl: 'https://alpha.test/pay/abc' })).toEqual({ ok: true, status: 'issued', message: 'Issue: done. Status: Issued.', link: 'https://alpha.test/pay/abc' })
  })

  it("shows the error's message and puts each field error beside its control", () => {
    const answer = answerOf('Assign', 400, { errors: [{ message: 'The input is not valid.', data: { errors: [{ path: 'writer', message: 'The id of a writer.' }, { path: 'body.direct', message: 'Must be true or false.' }] } }] })
    expect(answer).toEqual({ ok: false, message: 'The input is not valid.', fieldErrors: { writer: 'The id of a writer.', direct: 'Must be true or false.' } })
    expect(answerOf('Mark paid', 422, { errors: [{ message: 'The order is already paid.' }] })).toEqual({ ok: false, message: 'The order is already paid.', fieldErrors: {} })
    expect(answerOf('Mark paid', 502, '<html>')).toEqual({ ok: false, message: 'Mark paid failed (HTTP 502).', fieldErrors: {} })
  })

  it('reads the action list with labels, money flags and blocked reasons; falls back to a readable name', () => {
    const list = actionListOf({
      available: [{ action: 'markPaid', label: 'Mark paid', input: { type: 'object', properties: {} }, money: true }, { action: 'routeToPool' }, { nope: 1 }],
      blocked: [{ action: 'assign', label: 'Assign a writer', reason: 'The order is not fully paid.' }],
    })
    expect(list).toEqual({
      available: [
        { action: 'markPaid', label: 'Mark paid', input: { type: 'object', properties: {} }, money: true },
        { action: 'routeToPool', label: 'Route to pool', input: {}, money: false },
      ],
      blocked: [{ action: 'assign', label: 'Assign a writer', reason: 'The order is not fully paid.' }],
    })
    expect(actionListOf('nonsense')).toEqual({ available: [], blocked: [] })
  })

  it('reads writer suggestions in the shapes a suggestions endpoint may answer', () => {
    const answer = {
      suggestions: [
        { writer: { id: 5, name: 'Ann', email: 'a@x' }, eligible: true, reasons: ['2 of 5 active orders.', 'On time for 9 of 10.'] },
        { writer: { id: 7, name: 'Bo', email: 'c@x' }, eligible: false, reasons: ['Suspended.'] },
        { writer: 6, email: 'b@x', reason: 'eligible' },
        { bad: true },
      ],
    }
    expect(suggestionsOf(answer)).toEqual([
      { value: '5', label: 'Ann', note: '2 of 5 active orders. On time for 9 of 10.' },
      { value: '7', label: 'Bo (not eligible)', note: 'Suspended.' },
      { value: '6', label: 'b@x', note: 'eligible' },
    ])
    expect(suggestionsOf([{ id: 9 }])).toEqual([{ value: '9', label: '#9' }])
    expect(suggestionsOf({ errors: [] })).toEqual([])
  })

  it('humanizes names', () => {
    expect(humanize('externalReference')).toBe('External reference')
    expect(humanize('ready_for_staffing')).toBe('Ready for staffing')
  })
})
