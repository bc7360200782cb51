import { describe, expect, it } from 'vitest'

import { ORDER_FILE_PURPOSES } from '@/domain/files/orderFileRules'
import { RECORD_CLIENT_READS, RECORD_DELIVERABLES, recordUploadRefusal } from '@/domain/files/recordFileRules'
import { postRefusal, RECORD_CLOSED_TO_MESSAGES } from '@/domain/messages/threads'
import { isRefusal, parentChoice } from '@/domain/records/parents'

/** Issue 17: files and messages of special orders and class orders, their pure rules. */

describe('the parent of a file or a message', () => {
  it('is exactly one of order, specialOrder, classOrder, named by id', () => {
    expect(parentChoice({ order: 4 })).toEqual({ parent: 'order', id: 4 })
    expect(parentChoice({ specialOrder: { id: 7 } })).toEqual({ parent: 'specialOrder', id: 7 })
    expect(parentChoice({ classOrder: 9, order: null })).toEqual({ parent: 'classOrder', id: 9 })
    expect(parentChoice({})).toMatchObject({ status: 400, path: 'order' })
    expect(parentChoice({ order: 4, specialOrder: 7 })).toMatchObject({ status: 400, path: 'specialOrder' })
    expect(parentChoice({ specialOrder: 7, classOrder: 9 })).toMatchObject({ status: 400, path: 'classOrder' })
    expect(parentChoice({ classOrder: 'nine' })).toMatchObject({ status: 400, path: 'classOrder' })
    expect(isRefusal(parentChoice({ order: 1.5 }))).toBe(true)
  })
})

describe('uploading files to a special or class order', () => {
  it('lets staff add anything, the client the brief, the writer the work', () => {
    for (const purpose of ORDER_FILE_PURPOSES) expect(recordUploadRefusal('specialOrder', ['staff'], purpose, 'cancelled')).toBeNull()
    expect(recordUploadRefusal('specialOrder', ['client'], 'instructions', 'awaiting_payment')).toBeNull()
    expect(recordUploadRefusal('classOrder', ['client'], 'reference', 'submitted')).toBeNull()
    expect(recordUploadRefusal('specialOrder', ['writer'], 'final', 'in_progress')).toBeNull()
    expect(recordUploadRefusal('classOrder', ['writer'], 'draft', 'assigned')).toBeNull()
    expect(recordUploadRefusal('specialOrder', ['client'], 'final', 'in_progress')).toMatchObject({ status: 403, path: 'purpose' })
    expect(recordUploadRefusal('classOrder', ['writer'], 'instructions', 'in_progress')).toMatchObject({ status: 403, path: 'purpose' })
    expect(recordUploadRefusal('classOrder', ['writer'], 'internal', 'in_progress')).toMatchObject({ status: 403, path: 'purpose' })
    expect(recordUploadRefusal('specialOrder', [], 'instructions', 'in_progress')).toMatchObject({ status: 403, path: 'specialOrder' })
  })

  it('takes the writer’s work only while he works on it, nobody’s but staff’s once closed', () => {
    expect(recordUploadRefusal('specialOrder', ['writer'], 'final', 'completed')).toMatchObject({ status: 409, path: 'specialOrder' })
    expect(recordUploadRefusal('classOrder', ['writer'], 'final', 'paused')).toMatchObject({ status: 409, path: 'classOrder' })
    expect(recordUploadRefusal('specialOrder', ['client'], 'instructions', 'cancelled')).toMatchObject({ status: 409, path: 'specialOrder' })
    expect(recordUploadRefusal('classOrder', ['client'], 'instructions', 'archived')).toMatchObject({ status: 409, path: 'classOrder' })
  })

  it('never shows the client the writer’s drafts or staff’s internal files, and gates the deliverables apart', () => {
    expect(RECORD_CLIENT_READS).not.toContain('draft')
    expect(RECORD_CLIENT_READS).not.toContain('internal')
    expect(RECORD_CLIENT_READS).not.toContain('final')
    expect(RECORD_DELIVERABLES).toEqual(['final', 'revision'])
  })
})

describe('posting in a thread of a special or class order', () => {
  const special = { field: 'specialOrder', noun: 'special order', closed: RECORD_CLOSED_TO_MESSAGES.specialOrder }
  const klass = { field: 'classOrder', noun: 'class order', closed: RECORD_CLOSED_TO_MESSAGES.classOrder }
  it('follows the threads of orders, and closes an archived class', () => {
    expect(postRefusal(['client'], 'client_writer', 'in_progress', special)).toBeNull()
    expect(postRefusal(['client'], 'writer_support', 'in_progress', special)).toMatchObject({ status: 403, path: 'thread' })
    expect(postRefusal(['writer'], 'client_support', 'assigned', klass)).toMatchObject({ status: 403, path: 'thread' })
    expect(postRefusal(['client'], 'client_writer', 'archived', klass)).toMatchObject({ status: 409, path: 'classOrder' })
    expect(postRefusal(['client'], 'client_support', 'cancelled', special)).toBeNull()
  })
})
