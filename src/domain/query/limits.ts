/**
 * How much one API request may ask for. Larger reads go through exports, not lists.
 * The admin panel's largest page is 100 rows.
 */
export const QUERY_LIMITS = {
  /** Rows per page (`limit`), and the `limit` that `pagination=false` needs. */
  maxPageSize: 100,
  /** The page number (`page`); page × limit past this is an export's job. */
  maxPage: 100_000,
  /** Relationship population (`depth`). */
  maxDepth: 3,
  /** `and` / `or` nesting of a `where`. */
  maxWhereNesting: 6,
  /** Conditions (field + operator pairs) in one `where`. */
  maxWhereConditions: 100,
  /** Values of one `in` / `not_in` / `all`. */
  maxListValues: 500,
  /** Characters of one text value in a filter. */
  maxTextValue: 1000,
  /** Relationships a `where` path may cross (`order.client` is one). */
  maxWhereHops: 2,
  /** Fields in one `sort`. */
  maxSortFields: 5,
} as const
