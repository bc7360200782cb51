import type { Payload } from 'payload'

import type { Dispatcher } from '@/jobs/dispatcher'
import { SCHEDULES } from '@/jobs/schedules'

/** Runs one schedule of the list as the runtime would, at the given time. */
export const runSchedule = async (payload: Payload, id: string, now: Date) => {
  const schedule = SCHEDULES.find((s) => s.id === id)
  if (!schedule) throw new Error(`no schedule ${id}`)
  return schedule.run({ payload, dispatcher: {} as Dispatcher, now })
}
