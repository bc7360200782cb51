/** A JSON POST to the API with the panel's cookie; answers the status and body, the first error's message when refused. */
export const postJson = async (url: string, body: unknown): Promise<{ ok: boolean; status: number; body: Record<string, unknown>; message: string | null }> => {
  const res = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) })
  const parsed = (await res.json().catch(() => ({}))) as Record<string, unknown>
  const errors = parsed.errors as { message?: string }[] | undefined
  return { ok: res.ok, status: res.status, body: parsed, message: res.ok ? null : (errors?.[0]?.message ?? `The server answered ${res.status}.`) }
}
