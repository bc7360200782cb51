/** `<PREFIX>-<sequence>`, the sequence zero-padded to five digits (ALPHA-00042). */
export const formatOrderNumber = (prefix: string, sequence: number): string => `${prefix}-${String(sequence).padStart(5, '0')}`

/** A website's default prefix: its slug in capitals, letters and digits only. */
export const defaultOrderPrefix = (slug: string): string => slug.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 8) || 'ORD'
