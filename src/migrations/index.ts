import * as migration_20261125_154256_initial from './20261125_154256_initial';
import * as migration_20261125_160909_outbox from './20261125_160909_outbox';
import * as migration_20261125_161951_tenant_rate_limits from './20261125_161951_tenant_rate_limits';
import * as migration_20261125_162253_media_prefix from './20261125_162253_media_prefix';
import * as migration_20261125_164713_pricing_options from './20261125_164713_pricing_options';
import * as migration_20261125_165418_orders from './20261125_165418_orders';
import * as migration_20261125_184116_order_workflow from './20261125_184116_order_workflow';
import * as migration_20261125_192716_money_core from './20261125_192716_money_core';
import * as migration_20261125_211542_tips_refunds from './20261125_211542_tips_refunds';
import * as migration_20261125_213634_payouts from './20261125_213634_payouts';
import * as migration_20261125_215010_invoices from './20261125_215010_invoices';
import * as migration_20261125_223644_acknowledgement_revision_files from './20261125_223644_acknowledgement_revision_files';
import * as migration_20261130_140000_issue10_defects from './20261130_140000_issue10_defects';
import * as migration_20261130_160921_issue11_staff_admin from './20261130_160921_issue11_staff_admin';
import * as migration_20261130_232039_issue13_content from './20261130_232039_issue13_content';
import * as migration_20261130_232040_issue13_content_search from './20261130_232040_issue13_content_search';
import * as migration_20261201_040617_issue14_incentives from './20261201_040617_issue14_incentives';
import * as migration_20261201_063505_invoice_discounts from './20261201_063505_invoice_discounts';
import * as migration_20261201_112639_issue15_people from './20261201_112639_issue15_people';
import * as migration_20261201_150103_drop_unbuilt_switches from './20261201_150103_drop_unbuilt_switches';
import * as migration_20261201_173117_refund_external from './20261201_173117_refund_external';
import * as migration_20261201_173224_email_verification from './20261201_173224_email_verification';
import * as migration_20261201_173224_lockout from './20261201_173224_lockout';
import * as migration_20261201_173314_issue16_sessions from './20261201_173314_issue16_sessions';
import * as migration_20261201_175738_issue16_impersonation from './20261201_175738_issue16_impersonation';
import * as migration_20261201_175746_magic_links from './20261201_175746_magic_links';
import * as migration_20261201_182636_issue16_two_factor from './20261201_182636_issue16_two_factor';
import * as migration_20261201_230337_issue17_special_and_class_orders from './20261201_230337_issue17_special_and_class_orders';
import * as migration_20261202_010710_installment_waived from './20261202_010710_installment_waived';
import * as migration_20261202_012259_refunds_and_earnings_of_special_and_class_orders from './20261202_012259_refunds_and_earnings_of_special_and_class_orders';
import * as migration_20261202_052512_idempotency_leases from './20261202_052512_idempotency_leases';
import * as migration_20261202_054943_notification_mail_sending from './20261202_054943_notification_mail_sending';
import * as migration_20261202_055200_admin_list_indexes from './20261202_055200_admin_list_indexes';

export const migrations = [
  {
    up: migration_20261125_154256_initial.up,
    down: migration_20261125_154256_initial.down,
    name: '20261125_154256_initial',
  },
  {
    up: migration_20261125_160909_outbox.up,
    down: migration_20261125_160909_outbox.down,
    name: '20261125_160909_outbox',
  },
  {
    up: migration_20261125_161951_tenant_rate_limits.up,
    down: migration_20261125_161951_tenant_rate_limits.down,
    name: '20261125_161951_tenant_rate_limits',
  },
  {
    up: migration_20261125_162253_media_prefix.up,
    down: migration_20261125_162253_media_prefix.down,
    name: '20261125_162253_media_prefix',
  },
  {
    up: migration_20261125_164713_pricing_options.up,
    down: migration_20261125_164713_pricing_options.down,
    name: '20261125_164713_pricing_options',
  },
  {
    up: migration_20261125_165418_orders.up,
    down: migration_20261125_165418_orders.down,
    name: '20261125_165418_orders',
  },
  {
    up: migration_20261125_184116_order_workflow.up,
    down: migration_20261125_184116_order_workflow.down,
    name: '20261125_184116_order_workflow',
  },
  {
    up: migration_20261125_192716_money_core.up,
    down: migration_20261125_192716_money_core.down,
    name: '20261125_192716_money_core',
  },
  {
    up: migration_20261125_211542_tips_refunds.up,
    down: migration_20261125_211542_tips_refunds.down,
    name: '20261125_211542_tips_refunds',
  },
  {
    up: migration_20261125_213634_payouts.up,
    down: migration_20261125_213634_payouts.down,
    name: '20261125_213634_payouts',
  },
  {
    up: migration_20261125_215010_invoices.up,
    down: migration_20261125_215010_invoices.down,
    name: '20261125_215010_invoices',
  },
  {
    up: migration_20261125_223644_acknowledgement_revision_files.up,
    down: migration_20261125_223644_acknowledgement_revision_files.down,
    name: '20261125_223644_acknowledgement_revision_files',
  },
  {
    up: migration_20261130_140000_issue10_defects.up,
    down: migration_20261130_140000_issue10_defects.down,
    name: '20261130_140000_issue10_defects',
  },
  {
    up: migration_20261130_160921_issue11_staff_admin.up,
    down: migration_20261130_160921_issue11_staff_admin.down,
    name: '20261130_160921_issue11_staff_admin',
  },
  {
    up: migration_20261130_232039_issue13_content.up,
    down: migration_20261130_232039_issue13_content.down,
    name: '20261130_232039_issue13_content',
  },
  {
    up: migration_20261130_232040_issue13_content_search.up,
    down: migration_20261130_232040_issue13_content_search.down,
    name: '20261130_232040_issue13_content_search',
  },
  {
    up: migration_20261201_040617_issue14_incentives.up,
    down: migration_20261201_040617_issue14_incentives.down,
    name: '20261201_040617_issue14_incentives',
  },
  {
    up: migration_20261201_063505_invoice_discounts.up,
    down: migration_20261201_063505_invoice_discounts.down,
    name: '20261201_063505_invoice_discounts',
  },
  {
    up: migration_20261201_112639_issue15_people.up,
    down: migration_20261201_112639_issue15_people.down,
    name: '20261201_112639_issue15_people',
  },
  {
    up: migration_20261201_150103_drop_unbuilt_switches.up,
    down: migration_20261201_150103_drop_unbuilt_switches.down,
    name: '20261201_150103_drop_unbuilt_switches',
  },
  {
    up: migration_20261201_173117_refund_external.up,
    down: migration_20261201_173117_refund_external.down,
    name: '20261201_173117_refund_external',
  },
  {
    up: migration_20261201_173224_email_verification.up,
    down: migration_20261201_173224_email_verification.down,
    name: '20261201_173224_email_verification',
  },
  {
    up: migration_20261201_173224_lockout.up,
    down: migration_20261201_173224_lockout.down,
    name: '20261201_173224_lockout',
  },
  {
    up: migration_20261201_173314_issue16_sessions.up,
    down: migration_20261201_173314_issue16_sessions.down,
    name: '20261201_173314_issue16_sessions',
  },
  {
    up: migration_20261201_175738_issue16_impersonation.up,
    down: migration_20261201_175738_issue16_impersonation.down,
    name: '20261201_175738_issue16_impersonation',
  },
  {
    up: migration_20261201_175746_magic_links.up,
    down: migration_20261201_175746_magic_links.down,
    name: '20261201_175746_magic_links',
  },
  {
    up: migration_20261201_182636_issue16_two_factor.up,
    down: migration_20261201_182636_issue16_two_factor.down,
    name: '20261201_182636_issue16_two_factor',
  },
  {
    up: migration_20261201_230337_issue17_special_and_class_orders.up,
    down: migration_20261201_230337_issue17_special_and_class_orders.down,
    name: '20261201_230337_issue17_special_and_class_orders',
  },
  {
    up: migration_20261202_010710_installment_waived.up,
    down: migration_20261202_010710_installment_waived.down,
    name: '20261202_010710_installment_waived',
  },
  {
    up: migration_20261202_012259_refunds_and_earnings_of_special_and_class_orders.up,
    down: migration_20261202_012259_refunds_and_earnings_of_special_and_class_orders.down,
    name: '20261202_012259_refunds_and_earnings_of_special_and_class_orders',
  },
  {
    up: migration_20261202_052512_idempotency_leases.up,
    down: migration_20261202_052512_idempotency_leases.down,
    name: '20261202_052512_idempotency_leases',
  },
  {
    up: migration_20261202_054943_notification_mail_sending.up,
    down: migration_20261202_054943_notification_mail_sending.down,
    name: '20261202_054943_notification_mail_sending',
  },
  {
    up: migration_20261202_055200_admin_list_indexes.up,
    down: migration_20261202_055200_admin_list_indexes.down,
    name: '20261202_055200_admin_list_indexes',
  },
];
