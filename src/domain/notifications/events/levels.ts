import type { EventDescriber } from '../catalogue'

import { textOf } from './facts'

/** A writer's level moving up or down (reference §9.3 `writer.reward.*`, §12). Facts: `change`, `from`, `to` (level names). */
const level = (d: Record<string, unknown>, key: string, fallback: string) => {
  const name = textOf(d, key)
  return name ? `“${name}”` : fallback
}

export const LEVEL_EVENTS: Record<string, EventDescriber> = {
  'writer.promotion': (d) => ({
    category: 'account',
    priority: 'normal',
    title: `You were promoted to ${level(d, 'to', 'a higher level')}`,
    body: `Your writer level went from ${level(d, 'from', 'your previous level')} to ${level(d, 'to', 'a higher level')}. Congratulations.`,
    link: '/level',
  }),
  'writer.demotion': (d) => ({
    category: 'account',
    priority: 'high',
    title: `Your level changed to ${level(d, 'to', 'a lower level')}`,
    body: `Your writer level went from ${level(d, 'from', 'your previous level')} to ${level(d, 'to', 'a lower level')}. Your level page says why and what brings it back.`,
    link: '/level',
  }),
}
