import type { EventDescriber } from '../catalogue'

const number = (data: Record<string, unknown>): string => (typeof data.number === 'string' ? data.number : `#${String(data.id ?? '')}`)
const subject = (data: Record<string, unknown>): string => (typeof data.subject === 'string' ? ` “${data.subject}”` : '')
const link = (data: Record<string, unknown>): string | null => (typeof data.id === 'number' ? `/tickets/${data.id}` : null)

/** Support tickets' events (reference §9.2, §9.3), category `tickets`. */
export const TICKET_EVENTS: Record<string, EventDescriber> = {
  'ticket.opened': (d) => ({ category: 'tickets', title: `New ticket ${number(d)}`, body: `A ticket${subject(d)} was opened and has no agent yet.`, link: link(d) }),
  'ticket.assigned': (d) => ({ category: 'tickets', title: `Ticket ${number(d)} assigned`, body: `Ticket${subject(d)} is now with ${typeof d.assigneeName === 'string' ? d.assigneeName : 'a support agent'}.`, link: link(d) }),
  'ticket.replied': (d) => ({ category: 'tickets', title: `New reply on ticket ${number(d)}`, body: `There is a new reply on ticket${subject(d)}.`, link: link(d) }),
  'ticket.noted': (d) => ({ category: 'tickets', title: `Internal note on ticket ${number(d)}`, body: `A colleague left an internal note on ticket${subject(d)}.`, link: link(d) }),
  'ticket.escalated': (d) => ({ category: 'tickets', priority: 'high', title: `Ticket ${number(d)} escalated`, body: `Ticket${subject(d)} was escalated.`, link: link(d) }),
  'ticket.closed': (d) => ({ category: 'tickets', title: `Ticket ${number(d)} closed`, body: `Ticket${subject(d)} was closed.`, link: link(d) }),
  'ticket.reopened': (d) => ({ category: 'tickets', title: `Ticket ${number(d)} reopened`, body: `Ticket${subject(d)} was reopened.`, link: link(d) }),
  'ticket.sla_breached': (d) => ({
    category: 'tickets',
    priority: 'high',
    title: `SLA breached on ticket ${number(d)}`,
    body: `Ticket${subject(d)} missed its ${d.breach === 'resolution' ? 'resolution' : 'first response'} target.`,
    link: link(d),
  }),
}
