CREATE TABLE `action_codes` (
	`action_id` integer NOT NULL,
	`framework` text NOT NULL,
	`code` integer NOT NULL,
	PRIMARY KEY(`action_id`, `framework`, `code`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`framework`,`code`) REFERENCES `framework_codes`(`framework`,`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_codes_code_idx` ON `action_codes` (`framework`,`code`);--> statement-breakpoint
CREATE TABLE `action_goals` (
	`action_id` integer NOT NULL,
	`goal_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `goal_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_goals_goal_idx` ON `action_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `framework_codes` (
	`framework` text NOT NULL,
	`code` integer NOT NULL,
	`title_de` text NOT NULL,
	`title_en` text NOT NULL,
	PRIMARY KEY(`framework`, `code`)
);
--> statement-breakpoint
CREATE TABLE `goal_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`goal_id` integer NOT NULL,
	`value` real NOT NULL,
	`date` text NOT NULL,
	`source` text,
	`author_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `goal_values_goal_idx` ON `goal_values` (`goal_id`,`date`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` integer NOT NULL,
	`dimension` text NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`baseline_value` real NOT NULL,
	`baseline_year` integer NOT NULL,
	`target_value` real NOT NULL,
	`target_year` integer NOT NULL,
	`direction` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "goals_years_in_order" CHECK("goals"."target_year" > "goals"."baseline_year")
);
--> statement-breakpoint
CREATE INDEX `goals_board_idx` ON `goals` (`board_id`,`dimension`);--> statement-breakpoint
INSERT INTO `framework_codes` (`framework`, `code`, `title_de`, `title_en`) VALUES
	('dnk', 1, 'Strategie', 'Strategy'),
	('dnk', 2, 'Wesentlichkeit', 'Materiality'),
	('dnk', 3, 'Ziele', 'Objectives'),
	('dnk', 4, 'Tiefe der Wertschöpfungskette', 'Depth of the value chain'),
	('dnk', 5, 'Verantwortung', 'Responsibility'),
	('dnk', 6, 'Regeln und Prozesse', 'Rules and processes'),
	('dnk', 7, 'Kontrolle', 'Control'),
	('dnk', 8, 'Anreizsysteme', 'Incentive schemes'),
	('dnk', 9, 'Beteiligung von Anspruchsgruppen', 'Stakeholder engagement'),
	('dnk', 10, 'Innovations- und Produktmanagement', 'Innovation and product management'),
	('dnk', 11, 'Inanspruchnahme natürlicher Ressourcen', 'Usage of natural resources'),
	('dnk', 12, 'Ressourcenmanagement', 'Resource management'),
	('dnk', 13, 'Klimarelevante Emissionen', 'Climate-relevant emissions'),
	('dnk', 14, 'Arbeitnehmerrechte', 'Employment rights'),
	('dnk', 15, 'Chancengerechtigkeit', 'Equal opportunities'),
	('dnk', 16, 'Qualifizierung', 'Qualifications'),
	('dnk', 17, 'Menschenrechte', 'Human rights'),
	('dnk', 18, 'Gemeinwesen', 'Corporate citizenship'),
	('dnk', 19, 'Politische Einflussnahme', 'Political influence'),
	('dnk', 20, 'Gesetzes- und richtlinienkonformes Verhalten', 'Conduct that complies with the law and policy'),
	('sdg', 1, 'Keine Armut', 'No poverty'),
	('sdg', 2, 'Kein Hunger', 'Zero hunger'),
	('sdg', 3, 'Gesundheit und Wohlergehen', 'Good health and well-being'),
	('sdg', 4, 'Hochwertige Bildung', 'Quality education'),
	('sdg', 5, 'Geschlechtergleichheit', 'Gender equality'),
	('sdg', 6, 'Sauberes Wasser und Sanitäreinrichtungen', 'Clean water and sanitation'),
	('sdg', 7, 'Bezahlbare und saubere Energie', 'Affordable and clean energy'),
	('sdg', 8, 'Menschenwürdige Arbeit und Wirtschaftswachstum', 'Decent work and economic growth'),
	('sdg', 9, 'Industrie, Innovation und Infrastruktur', 'Industry, innovation and infrastructure'),
	('sdg', 10, 'Weniger Ungleichheiten', 'Reduced inequalities'),
	('sdg', 11, 'Nachhaltige Städte und Gemeinden', 'Sustainable cities and communities'),
	('sdg', 12, 'Nachhaltige/r Konsum und Produktion', 'Responsible consumption and production'),
	('sdg', 13, 'Maßnahmen zum Klimaschutz', 'Climate action'),
	('sdg', 14, 'Leben unter Wasser', 'Life below water'),
	('sdg', 15, 'Leben an Land', 'Life on land'),
	('sdg', 16, 'Frieden, Gerechtigkeit und starke Institutionen', 'Peace, justice and strong institutions'),
	('sdg', 17, 'Partnerschaften zur Erreichung der Ziele', 'Partnerships for the goals');
