/** One condition of an admin list's filter: a field, an operator, a value or several. */
export type ListCondition = { field: string; operator: 'equals' | 'in' | 'less_than'; value: string | number | readonly (string | number)[] }

/**
 * The admin list of a collection filtered by the conditions (AND-ed, as Payload reads
 * several fields in one `where`): `/admin/collections/orders?where[status][in][0]=qa_review`.
 * Brackets stay readable; values are encoded.
 */
export const adminListLink = (collection: string, conditions: readonly ListCondition[]): string => {
  const params = conditions.flatMap(({ field, operator, value }) => {
    const key = `where[${field}][${operator}]`
    const values = Array.isArray(value) ? value : null
    return values ? values.map((v, i) => `${key}[${i}]=${encodeURIComponent(String(v))}`) : [`${key}=${encodeURIComponent(String(value))}`]
  })
  return `/admin/collections/${collection}${params.length > 0 ? `?${params.join('&')}` : ''}`
}

/** The websites a link is cut to: none when the figures cover all the caller may see (access does the rest). */
export const tenantCondition = (tenants: readonly number[] | null): ListCondition[] => (tenants ? [{ field: 'tenant', operator: 'in', value: tenants }] : [])
