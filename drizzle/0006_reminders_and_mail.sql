CREATE TABLE `digests_sent` (
	`user_id` integer NOT NULL,
	`period` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `period`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`to_address` text NOT NULL,
	`topic` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`headers` text NOT NULL,
	`message_id` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sensitive` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`action_id` integer NOT NULL,
	`reason` text NOT NULL,
	`since` text NOT NULL,
	`step` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`action_id`, `reason`, `since`, `step`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `boards` ADD `quiet_days_short` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `quiet_days_medium` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `quiet_days_long` integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `digest` text DEFAULT 'weekly' NOT NULL;