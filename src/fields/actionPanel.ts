import type { UIField } from 'payload'

import type { ActionPanelProps } from '@/components/admin/ActionPanel/actionForm'

/** Where the import map finds the panel (relative to `admin.importMap.baseDir`, `src`). */
export const ACTION_PANEL_COMPONENT = '/components/admin/ActionPanel/ActionPanel#ActionPanel'

/**
 * The workflow's action panel in the edit view's sidebar of a workflow collection
 * (one line per collection: `fields: [actionPanelField(), …]`). A `ui` field stores
 * nothing: the panel reads `GET /api/<collection>/:id/actions` for the signed-in user and
 * posts the chosen action. `choices` names endpoints of the document that suggest values
 * for an input (`{ writer: 'writer-suggestions' }` on orders).
 */
export const actionPanelField = (props: ActionPanelProps = {}): UIField => ({
  name: 'workflowActions',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: { path: ACTION_PANEL_COMPONENT, clientProps: props } },
  },
})
