import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

import scriptorium from './eslint-rules/index.mjs'

/**
 * The one gate (issue 11, docs/decisions.md "One gate"): proofs for the server's own work
 * are minted by its entries only, and HTTP-reached code does not make itself a Local API
 * request that skips the gate.
 */
const SYSTEM_ENTRIES = ['src/jobs/**', 'src/seed/**', 'src/migrations/**', 'src/server/**']
const mintsProofs = {
  regex: '(^|/)access/system$|^\\./system$',
  importNames: ['systemProof'],
  message: 'systemProof is for jobs, seed, migrations and server start-up: HTTP-reached code gets its proof from a gate (src/operations/gate.ts) and uses proofOf(req).',
}
const makesLocalRequests = {
  group: ['payload'],
  importNames: ['createLocalReq'],
  message: 'A Local API request made here would skip the gate: use systemRequest(payload, proofOf(req)) from @/access/system.',
}

/** The domain is pure: no framework, no other layer (DESIGN §3). */
const LAYERS = 'operations|collections|endpoints|access|jobs|api|server|db|hooks|fields|security|mail|seed|migrations|events'
const domainIsPure = [
  { group: ['payload', 'payload/*', '@payloadcms/*', 'next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*', '@payload-config'], message: 'src/domain is pure: no Payload, Next or React.' },
  { regex: `^@/(${LAYERS})(/|$)`, message: 'src/domain imports no other layer: rules only (DESIGN §3).' },
  { regex: `^(\\.\\./)+(${LAYERS})(/|$)`, message: 'src/domain imports no other layer: rules only (DESIGN §3).' },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.next/',
      '.data/',
      '.tmp/',
      'test-results/',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/migrations/',
      'src/app/(payload)/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { scriptorium, 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'scriptorium/no-override-access': 'error',
      'scriptorium/local-api-states-access': 'error',
      'no-restricted-imports': ['error', { patterns: [mintsProofs, makesLocalRequests] }],
      // No import cycles (DESIGN §3). The depth bounds the walk; every cycle in src is shorter.
      'import-x/no-cycle': ['error', { maxDepth: 12, ignoreExternal: true }],
    },
  },
  {
    // asSystem writes overrideAccess: true; nothing else in src does.
    files: ['src/access/system.ts'],
    rules: { 'scriptorium/no-override-access': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // The server's own entries and the gate mint proofs.
    files: [...SYSTEM_ENTRIES, 'src/operations/gate.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The domain is pure and typed precisely.
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: [mintsProofs, makesLocalRequests, ...domainIsPure] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
