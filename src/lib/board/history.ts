import { m } from '$lib/paraglide/messages';
import type { BoardChangeData, BoardChanges, EditableField } from './changes';
import { cellLabel, statusLabel } from './labels';

/** One history entry: a kind of change with its data (as `BoardChanges` defines it), and who. */
export type HistoryItem = BoardChangeData & { actor: string | null };

const FIELD_LABELS: Record<EditableField, () => string> = {
	title: () => m.field_title(),
	description: () => m.field_description(),
	status: () => m.field_status(),
	progress: () => m.field_progress(),
	startDate: () => m.timeline_field_start_date(),
	dueDate: () => m.field_due_date()
};

/** One line of an action's history in plain words, e.g. "Anna moved this from … to …". */
export function describeEvent(event: HistoryItem, names: Map<number, string>): string {
	const actor = event.actor ?? m.someone();
	switch (event.type) {
		case 'created':
			return m.history_created({ actor });
		case 'moved': {
			const { from, to } = event.data;
			return from.dimension === to.dimension && from.horizon === to.horizon
				? m.history_reordered({ actor, cell: cellLabel(to) })
				: m.history_moved({ actor, from: cellLabel(from), to: cellLabel(to) });
		}
		case 'edited': {
			const changed = Object.keys(event.data.changed ?? {}) as EditableField[];
			const labels = changed.map((f) => FIELD_LABELS[f]?.() ?? f);
			if (event.data.owners) labels.push(m.field_owners());
			return m.history_edited({ actor, fields: labels.join(', ') });
		}
		case 'owners_changed': {
			const to = event.data.to ?? [];
			const list = to
				.map((id) => names.get(id) ?? '?')
				.sort((a, b) => a.localeCompare(b))
				.join(', ');
			return to.length
				? m.history_owners({ actor, owners: list })
				: m.history_owners_none({ actor });
		}
		case 'progress': {
			const { progress, status } = event.data;
			return status
				? m.history_progress_status({ actor, progress, status: statusLabel(status) })
				: m.history_progress({ actor, progress });
		}
		case 'archived':
			return m.history_archived({ actor });
		case 'restored':
			return m.history_restored({ actor });
		case 'frame_changed':
			return m.history_frame({ actor });
		case 'publicity_changed':
			return describePublicity(event.data, actor);
		default:
			return m.history_changed({ actor });
	}
}

/** Entries of an activity feed with their plain-words text. */
export function describeActivity<T extends HistoryItem>(entries: T[], names: Map<number, string>) {
	return entries.map(({ type, data, actor, ...rest }) => ({
		...rest,
		text: describeEvent({ type, data, actor } as HistoryItem, names)
	}));
}

/** "Anna showed this on the public page", "… marked the description internal", or both. */
function describePublicity(data: BoardChanges['publicity_changed'], actor: string): string {
	const parts: string[] = [];
	if (data.isPublic !== undefined) {
		parts.push(
			data.isPublic ? m.public_history_shown({ actor }) : m.public_history_hidden({ actor })
		);
	}
	if (data.descriptionPublic !== undefined) {
		parts.push(
			data.descriptionPublic
				? m.public_history_description_shared({ actor })
				: m.public_history_description_internal({ actor })
		);
	}
	return parts.join(' ') || m.history_changed({ actor });
}
