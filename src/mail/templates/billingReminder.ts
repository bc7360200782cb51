import { formatMoney } from '@/domain/moneyFormat'

import { type Brand, frame, type Rendered } from '../layout'

const LEAD: Record<'upcoming' | 'due' | 'overdue', string> = {
  upcoming: 'is due soon',
  due: 'is due today',
  overdue: 'is overdue',
}

export const billingReminderMail = (
  brand: Brand,
  user: { name: string },
  bill: { kind: 'upcoming' | 'due' | 'overdue'; label: string; amountDue: number; currency: string; dueAt: string },
): Rendered =>
  frame(brand, {
    subject: `${bill.label} ${LEAD[bill.kind]}`,
    paragraphs: [
      `Hello ${user.name},`,
      `${bill.label} ${LEAD[bill.kind]}: ${formatMoney(bill.amountDue, bill.currency)} by ${bill.dueAt.slice(0, 10)}.`,
      `You can pay it from your ${brand.name} account or with the pay link you received.`,
    ],
  })
