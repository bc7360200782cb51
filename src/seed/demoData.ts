import type { Role } from '@/domain/roles'

/** Development-only demo data. Every password is the same and is printed by `npm run dev`. */
export const DEMO_PASSWORD = 'Scriptorium-demo-1'

export const DEMO_SUPERADMIN = { email: 'superadmin@scriptorium.test', name: 'Platform Superadmin' }

export type DemoTenant = {
  name: string
  slug: string
  domains: string[]
  primaryColor: string
}

export const DEMO_TENANTS: DemoTenant[] = [
  { name: 'Alpha Essays', slug: 'alpha', domains: ['alpha.localhost', 'alpha.test'], primaryColor: '#1f4e79' },
  { name: 'Beta Papers', slug: 'beta', domains: ['beta.localhost', 'beta.test'], primaryColor: '#7a1f3d' },
]

/** The people of each demo website: `<local>@<slug>.test`. */
export const DEMO_PEOPLE: { local: string; role: Role; name: string; penName?: string }[] = [
  { local: 'admin', role: 'admin', name: 'Admin' },
  { local: 'editor', role: 'editor', name: 'Editor' },
  { local: 'support', role: 'support', name: 'Support' },
  { local: 'content', role: 'content', name: 'Content Editor' },
  // Writers are shown publicly (reviews) by their pen name, never their name.
  { local: 'writer', role: 'writer', name: 'Writer', penName: 'Ink & Quill' },
  { local: 'writer2', role: 'writer', name: 'Second Writer', penName: 'Paper Lantern' },
  { local: 'client', role: 'client', name: 'Client' },
  { local: 'client2', role: 'client', name: 'Second Client' },
]

export const demoEmail = (local: string, slug: string) => `${local}@${slug}.test`
