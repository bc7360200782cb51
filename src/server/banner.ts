import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SUPERADMIN, DEMO_TENANTS, demoEmail } from '@/seed/demoData'

/** What a developer needs after `npm run dev`: where things are and how to log in. */
export const banner = (port: number, withDemoLogins: boolean): string => {
  const base = `http://localhost:${port}`
  const lines = [
    '',
    'Scriptorium is running',
    `  Admin panel         ${base}/admin`,
    `  REST API            ${base}/api`,
    `  GraphQL             ${base}/api/graphql`,
    `  GraphQL playground  ${base}/api/graphql-playground`,
    `  Health              ${base}/healthz  ${base}/readyz`,
    '',
    'Demo websites',
    ...DEMO_TENANTS.map(
      (t) => `  ${t.name.padEnd(14)} http://${t.domains[0]}:${port}/api/tenants/current  (or header X-Tenant: ${t.slug})`,
    ),
  ]
  if (withDemoLogins) {
    lines.push(
      '',
      `Demo logins (development only; password ${DEMO_PASSWORD})`,
      `  superadmin  ${DEMO_SUPERADMIN.email}`,
      ...DEMO_PEOPLE.map((p) => `  ${p.role.padEnd(10)}  ${DEMO_TENANTS.map((t) => demoEmail(p.local, t.slug)).join(', ')}`),
    )
  }
  return lines.join('\n') + '\n'
}
