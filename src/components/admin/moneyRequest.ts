'use client'

/** What a form shows after a request: the body on success, else the message and the fields it names. */
export type Answer<T> = { ok: true; body: T } | { ok: false; message: string; fields: Record<string, string> }

type ErrorBody = { errors?: { message?: string; data?: { errors?: { path: string; message: string }[]; field?: string } }[] }

/** Reads an API answer in the project's error shape (`{ errors: [{ message, data? }] }`). */
export const readAnswer = async <T>(response: Response): Promise<Answer<T>> => {
  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null
  if (response.ok && body) return { ok: true, body }
  const first = body?.errors?.[0]
  const fields = Object.fromEntries((first?.data?.errors ?? []).map((e) => [e.path, e.message]))
  if (first?.data?.field && first.message) fields[first.data.field] ??= first.message
  return { ok: false, message: first?.message ?? `The server answered ${response.status}.`, fields }
}

/**
 * A POST that moves money: JSON with the admin's cookie and a fresh `Idempotency-Key`
 * per press, so a retried request (a double click, a flaky network) moves it once.
 */
export const postMoney = async <T>(url: string, body: unknown): Promise<Answer<T>> => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(body),
    })
    return await readAnswer<T>(response)
  } catch {
    return { ok: false, message: 'The server could not be reached.', fields: {} }
  }
}
