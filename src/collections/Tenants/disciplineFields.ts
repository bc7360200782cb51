import type { NamedGroupField } from 'payload'

import { DEFAULT_DISCIPLINE } from '@/domain/writers/discipline'

/** How this website escalates writer discipline (reference §12.4). */
export const disciplineFields: NamedGroupField = {
  name: 'discipline',
  type: 'group',
  fields: [
    { name: 'autoSuspendOnStrikes', type: 'number', min: 0, max: 1000, defaultValue: DEFAULT_DISCIPLINE.autoSuspendOnStrikes, admin: { description: 'Active strikes that suspend a writer automatically; 0 disables.' } },
    { name: 'autoSuspendDays', type: 'number', min: 1, max: 365, defaultValue: DEFAULT_DISCIPLINE.autoSuspendDays, admin: { description: 'How long an automatic suspension lasts.' } },
    { name: 'autoBlacklistOnStrikes', type: 'number', min: 0, max: 1000, defaultValue: DEFAULT_DISCIPLINE.autoBlacklistOnStrikes, admin: { description: 'Strikes in total that blacklist a writer; 0 disables.' } },
    { name: 'warningsForProbation', type: 'number', min: 0, max: 1000, defaultValue: DEFAULT_DISCIPLINE.warningsForProbation, admin: { description: 'Active warnings that put a writer on probation; 0 disables.' } },
    { name: 'warningDays', type: 'number', min: 1, max: 365, defaultValue: DEFAULT_DISCIPLINE.warningDays, admin: { description: 'How long a warning, and the probation it leads to, lasts.' } },
  ],
}
