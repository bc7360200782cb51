/**
 * Hand-written SQL of the invoices feature, run by its generated migration (kept apart so
 * the migration can be regenerated and this re-attached).
 * - Money never outgrows what is owed: 0 ≤ amount_paid ≤ total (invoices) / amount (installments).
 * - A pay-link token hash names one invoice.
 * - One receipt per payment; one voiding record per receipt.
 * - Receipts are immutable even to SQL: UPDATE and DELETE are refused by a trigger.
 */
export const invoicesUp = `
ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total > 0);
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_paid_range CHECK (amount_paid >= 0 AND amount_paid <= total);
ALTER TABLE installments ADD CONSTRAINT installments_amount_positive CHECK (amount > 0);
ALTER TABLE installments ADD CONSTRAINT installments_amount_paid_range CHECK (amount_paid >= 0 AND amount_paid <= amount);
ALTER TABLE receipts ADD CONSTRAINT receipts_amount_positive CHECK (amount > 0);
CREATE UNIQUE INDEX invoices_pay_token_hash_unique ON invoices (pay_token_hash) WHERE pay_token_hash IS NOT NULL;
CREATE UNIQUE INDEX receipts_one_per_payment ON receipts (payment_id) WHERE kind = 'receipt';
CREATE UNIQUE INDEX receipts_one_void_per_receipt ON receipts (voids_id) WHERE voids_id IS NOT NULL;
CREATE FUNCTION receipts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'receipts are immutable: void a receipt with a new record';
END;
$$;
CREATE TRIGGER receipts_immutable BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION receipts_immutable();
`

export const invoicesDown = `
DROP TRIGGER IF EXISTS receipts_immutable ON receipts;
DROP FUNCTION IF EXISTS receipts_immutable();
DROP INDEX IF EXISTS receipts_one_void_per_receipt;
DROP INDEX IF EXISTS receipts_one_per_payment;
DROP INDEX IF EXISTS invoices_pay_token_hash_unique;
ALTER TABLE receipts DROP CONSTRAINT IF EXISTS receipts_amount_positive;
ALTER TABLE installments DROP CONSTRAINT IF EXISTS installments_amount_paid_range;
ALTER TABLE installments DROP CONSTRAINT IF EXISTS installments_amount_positive;
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_amount_paid_range;
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_total_positive;
`
