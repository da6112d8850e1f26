CREATE TABLE `goal_codes` (
	`goal_id` integer NOT NULL,
	`framework` text NOT NULL,
	`code` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `framework`, `code`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`framework`,`code`) REFERENCES `framework_codes`(`framework`,`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_codes_code_idx` ON `goal_codes` (`framework`,`code`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`title` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`snapshot` text NOT NULL,
	`frozen_by` integer,
	`frozen_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`frozen_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "reports_period_in_order" CHECK("reports"."to_date" >= "reports"."from_date")
);
--> statement-breakpoint
CREATE INDEX `reports_board_idx` ON `reports` (`board_id`,`frozen_at`);--> statement-breakpoint
ALTER TABLE `actions` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `actions` ADD `is_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `actions` ADD `description_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `public_token` text;--> statement-breakpoint
ALTER TABLE `boards` ADD `public_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `public_owner_names` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `boards_public_token_idx` ON `boards` (`public_token`);