DROP INDEX `actions_board_cell_idx`;--> statement-breakpoint
CREATE INDEX `actions_cell_idx` ON `actions` (`board_id`,`dimension`,`horizon`,`archived_at`,`position`);