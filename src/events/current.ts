import type { EventBus } from './bus'

/**
 * The process's event bus, set once at start-up (Redis when configured, memory
 * otherwise). Job handlers publish through it; the SSE route subscribes to it.
 */
let current: EventBus | null = null

export const setEventBus = (bus: EventBus | null) => {
  current = bus
}

export const eventBus = (): EventBus => {
  if (!current) throw new Error('the event bus is not started')
  return current
}

/** The process's event bus, or null before start-up (tests and scripts without one). */
export const startedEventBus = (): EventBus | null => current
