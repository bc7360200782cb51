import { describe, expect, it } from 'vitest'

import {
  cacheableAnswer,
  conditionalAnswer,
  ifNoneMatchHits,
  movedAnswer,
  PUBLIC_CACHE_CONTROL,
  PUBLIC_VARY,
  strongEtag,
} from '@/content/http/cacheable'

const body = JSON.stringify({ post: { slug: 'hello', title: 'Hello' } })

describe('strongEtag', () => {
  it('is a quoted strong tag that depends on every byte of the body', () => {
    const tag = strongEtag(body)
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(strongEtag(body)).toBe(tag)
    expect(strongEtag(body.replace('Hello', 'Hellp'))).not.toBe(tag)
  })
})

describe('ifNoneMatchHits', () => {
  const tag = strongEtag(body)
  it.each([
    [tag, true],
    [`W/${tag}`, true],
    ['*', true],
    [' * ', true],
    [`"other", ${tag}`, true],
    [`"other",W/${tag} , "third"`, true],
    ['"other"', false],
    ['"a,b", "c"', false],
    [tag.slice(1, -1), false],
    ['', false],
  ])('%s → %s', (header, hits) => {
    expect(ifNoneMatchHits(header, tag)).toBe(hits)
  })
  it('does not split a quoted tag at its comma', () => {
    expect(ifNoneMatchHits('"a,b"', '"a,b"')).toBe(true)
    expect(ifNoneMatchHits('"a,b"', '"a"')).toBe(false)
  })
  it('is false without a header', () => {
    expect(ifNoneMatchHits(null, tag)).toBe(false)
    expect(ifNoneMatchHits(undefined, tag)).toBe(false)
  })
})

describe('conditionalAnswer', () => {
  it('answers 200 with the body, the validator and the caching headers', () => {
    const answer = conditionalAnswer(new Headers(), body)
    expect(answer).toEqual({
      status: 200,
      body,
      headers: { etag: strongEtag(body), 'cache-control': PUBLIC_CACHE_CONTROL, vary: PUBLIC_VARY, 'content-type': 'application/json; charset=utf-8' },
    })
  })
  it('answers 304 without a body when the client holds the current representation', () => {
    const answer = conditionalAnswer(new Headers({ 'if-none-match': strongEtag(body) }), body)
    expect(answer.status).toBe(304)
    expect(answer.body).toBeNull()
    expect(answer.headers).toEqual({ etag: strongEtag(body), 'cache-control': PUBLIC_CACHE_CONTROL, vary: PUBLIC_VARY })
  })
  it('reads Node header records (Express) as well as web Headers', () => {
    expect(conditionalAnswer({ 'if-none-match': strongEtag(body) }, body).status).toBe(304)
    expect(conditionalAnswer({ 'if-none-match': ['"x"', strongEtag(body)] }, body).status).toBe(304)
    expect(conditionalAnswer({ host: 'alpha.test' }, body).status).toBe(200)
  })
  it('keeps the content type it is given', () => {
    expect(conditionalAnswer({}, '<rss/>', 'application/rss+xml; charset=utf-8').headers['content-type']).toBe('application/rss+xml; charset=utf-8')
  })
  it('answers 200 again once the body changed', () => {
    const old = strongEtag(body)
    const changed = body.replace('Hello', 'Hello again')
    const answer = conditionalAnswer(new Headers({ 'if-none-match': old }), changed)
    expect(answer.status).toBe(200)
    expect(answer.headers.etag).not.toBe(old)
  })
})

describe('cacheableAnswer', () => {
  it('is a web Response with the same status, headers and body', async () => {
    const ok = cacheableAnswer({ headers: new Headers() }, body)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('etag')).toBe(strongEtag(body))
    expect(ok.headers.get('vary')).toBe(PUBLIC_VARY)
    expect(await ok.text()).toBe(body)
    const notModified = cacheableAnswer({ headers: new Headers({ 'if-none-match': `W/${strongEtag(body)}` }) }, body)
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    expect(notModified.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL)
  })
})

describe('movedAnswer', () => {
  it('is a cacheable 301 naming the new location', () => {
    const moved = movedAnswer('/api/public/posts/new-slug')
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/api/public/posts/new-slug')
    expect(moved.headers.get('vary')).toBe(PUBLIC_VARY)
  })
})
