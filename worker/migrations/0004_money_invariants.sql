ALTER TABLE `consultant_tokens` ADD `label` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `account_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `refunds` ADD `attempt_key` text;--> statement-breakpoint
CREATE INDEX `refunds_attempt` ON `refunds` (`account_id`,`attempt_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_one_open_per_invoice` ON `payments` (`invoice_id`) WHERE status IN ('pending', 'unknown', 'requires_action');--> statement-breakpoint
UPDATE `refunds` SET `account_id` = (SELECT `account_id` FROM `payments` WHERE `payments`.`id` = `refunds`.`payment_id`);--> statement-breakpoint
UPDATE `refunds` SET `attempt_key` = substr(`idempotency_key`, 1, instr(`idempotency_key`, '-pay_') - 1) WHERE instr(`idempotency_key`, '-pay_') > 0;
