CREATE TABLE `idea_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`actor_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_history_idea_idx` ON `idea_history` (`idea_id`,`id`);--> statement-breakpoint
CREATE TABLE `idea_supports` (
	`idea_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`idea_id`, `user_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_supports_user_idx` ON `idea_supports` (`user_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`dimension` text,
	`state` text DEFAULT 'submitted' NOT NULL,
	`reason` text,
	`proposer_id` integer,
	`proposer_name` text NOT NULL,
	`show_name` integer DEFAULT true NOT NULL,
	`merged_into_id` integer,
	`action_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`proposer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ideas_version_positive" CHECK("ideas"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `ideas_state_idx` ON `ideas` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_proposer_idx` ON `ideas` (`proposer_id`);--> statement-breakpoint
CREATE INDEX `ideas_action_idx` ON `ideas` (`action_id`);