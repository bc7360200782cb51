export type StreamEvent = { id: string; event: string; data: Record<string, unknown> }

export type Stream = { status: number; events: StreamEvent[]; close: () => void; closed: Promise<void> }

/** Opens an SSE stream with fetch and parses its events as they arrive. */
export const openStream = async (url: string, headers: Record<string, string> = {}): Promise<Stream> => {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  const events: StreamEvent[] = []
  let done: () => void = () => {}
  const closed = new Promise<void>((resolve) => (done = resolve))
  if (res.status === 200 && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    void (async () => {
      try {
        for (;;) {
          const { value, done: end } = await reader.read()
          if (end) break
          buffer += value
          let cut: number
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut)
            buffer = buffer.slice(cut + 2)
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((line) => line && !line.startsWith(':'))
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
            )
            if (fields.data !== undefined && fields.id) {
              events.push({ id: fields.id, event: fields.event ?? 'message', data: JSON.parse(fields.data) })
            }
          }
        }
      } catch {
        // aborted
      } finally {
        done()
      }
    })()
  } else done()
  return { status: res.status, events, close: () => controller.abort(), closed }
}
