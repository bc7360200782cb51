/** Run by globalSetup in its own process: migrate and seed the template database. */
import { closePayload, migrate, openPayload } from '../../src/server/boot'
import { seed } from '../../src/seed'

const payload = await openPayload()
await migrate(payload)
await seed(payload)
await closePayload(payload)
process.exit(0)
