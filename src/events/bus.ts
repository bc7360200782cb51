import { EventEmitter } from 'node:events'

import type { Redis } from 'ioredis'

export type Audience = { user: number } | { staffOfTenant: number }

export type LiveEvent = { id: string; event: string; data: Record<string, unknown>; audience: Audience; at: string }

export type EventBus = {
  /** Stores the event in its audience's bounded history and delivers it to every process. */
  publish: (event: { event: string; data: Record<string, unknown>; audience: Audience }) => Promise<LiveEvent>
  /** Resolves once live delivery is listening (the Redis subscription is acknowledged). */
  ready: () => Promise<void>
  /** Live delivery in this process; returns the unsubscribe function. */
  subscribe: (listener: (event: LiveEvent) => void) => () => void
  /** Events after `afterId` for these audiences, oldest first (resume with Last-Event-ID). */
  history: (audiences: Audience[], afterId: number) => Promise<LiveEvent[]>
  /**
   * Tells every process (this one included) that `topic` happened: no audience, no
   * history, nothing for SSE clients. For process caches that must be dropped at once
   * (the websites' allowed origins, a signed-in user), not for users' events. A topic
   * `family:detail` (`users.changed:42`) also reaches the family's listeners.
   */
  signal: (topic: string) => Promise<void>
  /**
   * Listens for `topic` signals in this process; `family:*` hears every topic of the
   * family with its detail. Returns the unsubscribe function.
   */
  onSignal: (topic: string, listener: (detail?: string) => void) => () => void
  /**
   * Called when delivery from other processes resumes after a break (Redis came back):
   * signals sent meanwhile are lost, so a cache that listens must drop everything.
   */
  onReconnect: (listener: () => void) => () => void
  close: () => Promise<void>
}

/** How many recent events each audience keeps for resumption, and for how long. */
export const HISTORY_LENGTH = 200
const HISTORY_TTL_S = 24 * 3600

const audienceKey = (a: Audience) => ('user' in a ? `user:${a.user}` : `staff:${a.staffOfTenant}`)

const byId = (a: LiveEvent, b: LiveEvent) => Number(a.id) - Number(b.id)

/** One signal to its exact listeners and to its family's (`family:*`, with the detail). */
const emitSignal = (signals: EventEmitter, topic: string) => {
  signals.emit(topic)
  const colon = topic.indexOf(':')
  if (colon > 0) signals.emit(`${topic.slice(0, colon)}:*`, topic.slice(colon + 1))
}

/** For one process without Redis: the same contract, kept in memory. */
export const memoryEventBus = (): EventBus => {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  const signals = new EventEmitter()
  signals.setMaxListeners(0)
  const histories = new Map<string, LiveEvent[]>()
  let seq = 0
  return {
    publish: async ({ event, data, audience }) => {
      const live: LiveEvent = { id: String(++seq), event, data, audience, at: new Date().toISOString() }
      const list = histories.get(audienceKey(audience)) ?? []
      list.push(live)
      if (list.length > HISTORY_LENGTH) list.splice(0, list.length - HISTORY_LENGTH)
      histories.set(audienceKey(audience), list)
      emitter.emit('event', live)
      return live
    },
    ready: async () => {},
    subscribe: (listener) => {
      emitter.on('event', listener)
      return () => emitter.off('event', listener)
    },
    history: async (audiences, afterId) =>
      audiences
        .flatMap((a) => histories.get(audienceKey(a)) ?? [])
        .filter((e) => Number(e.id) > afterId)
        .sort(byId),
    signal: async (topic) => {
      emitSignal(signals, topic)
    },
    onSignal: (topic, listener) => {
      signals.on(topic, listener)
      return () => signals.off(topic, listener)
    },
    // One process: nothing is ever delivered from elsewhere, so nothing can be missed.
    onReconnect: () => () => {},
    close: async () => {
      emitter.removeAllListeners()
      signals.removeAllListeners()
    },
  }
}

/**
 * Redis-backed: ids from one counter, per-audience capped lists for resumption, and
 * pub/sub so that every web process delivers every event to its own connections.
 */
export const redisEventBus = (commands: Redis, subscriber: Redis, prefix: string): EventBus => {
  const channel = `${prefix}:events`
  const signalChannel = `${prefix}:signals`
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  const signals = new EventEmitter()
  signals.setMaxListeners(0)
  // Subscribe at once: an event published before the first stream opens still reaches
  // this process's listeners (ioredis resubscribes by itself after a reconnect).
  const subscribed = subscriber.subscribe(channel, signalChannel).catch(() => undefined)
  // 'ready' again after the first means the connection broke and came back: whatever
  // was published meanwhile never arrived.
  const reconnects = new EventEmitter()
  reconnects.setMaxListeners(0)
  let connectedBefore = subscriber.status === 'ready'
  subscriber.on('ready', () => {
    if (connectedBefore) reconnects.emit('reconnect')
    connectedBefore = true
  })
  subscriber.on('message', (ch: string, message: string) => {
    if (ch === signalChannel) {
      emitSignal(signals, message)
      return
    }
    if (ch !== channel) return
    try {
      emitter.emit('event', JSON.parse(message) as LiveEvent)
    } catch {
      // a malformed message is dropped
    }
  })
  return {
    publish: async ({ event, data, audience }) => {
      const id = await commands.incr(`${prefix}:events:seq`)
      const live: LiveEvent = { id: String(id), event, data, audience, at: new Date().toISOString() }
      const key = `${prefix}:events:${audienceKey(audience)}`
      const json = JSON.stringify(live)
      await commands.multi().rpush(key, json).ltrim(key, -HISTORY_LENGTH, -1).expire(key, HISTORY_TTL_S).publish(channel, json).exec()
      return live
    },
    ready: () => subscribed.then(() => undefined),
    subscribe: (listener) => {
      emitter.on('event', listener)
      return () => emitter.off('event', listener)
    },
    history: async (audiences, afterId) => {
      const lists = await Promise.all(audiences.map((a) => commands.lrange(`${prefix}:events:${audienceKey(a)}`, 0, -1)))
      return lists
        .flat()
        .map((json) => JSON.parse(json) as LiveEvent)
        .filter((e) => Number(e.id) > afterId)
        .sort(byId)
    },
    signal: async (topic) => {
      await commands.publish(signalChannel, topic)
    },
    onSignal: (topic, listener) => {
      signals.on(topic, listener)
      return () => signals.off(topic, listener)
    },
    onReconnect: (listener) => {
      reconnects.on('reconnect', listener)
      return () => reconnects.off('reconnect', listener)
    },
    close: async () => {
      emitter.removeAllListeners()
      signals.removeAllListeners()
      reconnects.removeAllListeners()
      subscriber.disconnect()
      commands.disconnect()
    },
  }
}

/** Whether an event is for a connection with these audiences. */
export const isFor = (event: LiveEvent, audiences: Audience[]): boolean =>
  audiences.some((a) => audienceKey(a) === audienceKey(event.audience))
