import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

/**
 * No Docker engine runs here, so the compose file is checked by reading it: valid YAML,
 * the services DESIGN names, health checks, and durable Redis.
 */
type Service = {
  image?: string
  build?: unknown
  command?: string[]
  healthcheck?: { test: unknown }
  depends_on?: Record<string, { condition: string }>
  environment?: Record<string, string>
}

const compose = parse(readFileSync(path.resolve(import.meta.dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>
  volumes: Record<string, unknown>
}

describe('docker-compose.yml', () => {
  it('has the app, the worker, PostgreSQL 16, Redis 7, MinIO (with its bucket) and Mailpit', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'mailpit', 'minio', 'minio-setup', 'postgres', 'redis', 'worker'])
    expect(compose.services.worker!.command).toEqual(['node', '--conditions=production', 'dist/server/worker.js'])
    expect(compose.services.postgres!.image).toBe('postgres:16')
    expect(compose.services.redis!.image).toBe('redis:7')
    expect(compose.services.app!.build).toBe('.')
  })

  it('health-checks the app and the services it waits for', () => {
    for (const name of ['app', 'postgres', 'redis', 'minio']) {
      expect(compose.services[name]!.healthcheck?.test, name).toBeDefined()
    }
    const waits = compose.services.app!.depends_on!
    expect(waits.postgres!.condition).toBe('service_healthy')
    expect(waits.redis!.condition).toBe('service_healthy')
  })

  it('keeps Redis data across restarts and never evicts queued jobs', () => {
    const command = compose.services.redis!.command!.join(' ')
    expect(command).toContain('--appendonly yes')
    expect(command).toContain('--maxmemory-policy noeviction')
  })

  it('gives the app what production requires', () => {
    const env = compose.services.app!.environment!
    expect(env.NODE_ENV).toBe('production')
    for (const name of ['REDIS_URL', 'SMTP_URL', 'S3_BUCKET', 'S3_ENDPOINT']) expect(env[name], name).toBeTruthy()
    expect(compose.services.worker!.environment!.REDIS_URL).toBe(env.REDIS_URL)
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//)
    expect(env.PAYLOAD_SECRET).toBeTruthy()
    for (const volume of Object.keys(compose.volumes)) expect(volume).toMatch(/-data$/)
  })
})
