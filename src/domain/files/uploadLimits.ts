/**
 * The largest file anyone uploads (reference §3.9: 25 MB by default). Payload's multipart
 * parser refuses larger ones with 413 before they are buffered whole.
 */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024

export const TOO_LARGE_MESSAGE = 'file: files are at most 25 MB.'

/** The documents, sheets, slides, images and archives that order work consists of. */
export const ORDER_FILE_MIME_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  'text/rtf',
  'text/plain',
  'text/csv',
  'text/markdown',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
]
