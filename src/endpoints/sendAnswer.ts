/** An idempotent answer as kept: its status and exact JSON text. */
export const sendAnswer = ({ status, text }: { status: number; text: string }) => new Response(text, { status, headers: { 'content-type': 'application/json' } })
