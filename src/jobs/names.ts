import { env } from '@/env'

/** The one BullMQ queue (names may not contain ':'). */
export const QUEUE_NAME = 'scriptorium-jobs'

/** BullMQ key prefix, so several deployments or test runs can share a Redis. */
export const queuePrefix = (): string => `${env().REDIS_PREFIX}-bull`
