import { describe, expect, it } from 'vitest';
import { describeNotification, unreadLabel } from './wording';

describe('notifications in plain words', () => {
	it('name the action, who changed it and what, in German by default', () => {
		expect(
			describeNotification({
				kind: 'action_moved',
				data: {
					actionId: 1,
					actionTitle: 'Solardach',
					actorName: 'Tilda Berg',
					from: { dimension: 'ecological', horizon: 'short' },
					to: { dimension: 'social', horizon: 'long' }
				}
			})
		).toBe(
			'Tilda Berg hat „Solardach“ von Ökologisch · kurzfristig nach Sozial · langfristig verschoben.'
		);
		expect(
			describeNotification({
				kind: 'idea_state',
				data: {
					ideaId: 2,
					ideaTitle: 'Mehr Grün',
					state: 'declined',
					reason: 'Kein Platz',
					actorName: null
				}
			})
		).toBe('Ihre Idee „Mehr Grün“ wurde abgelehnt. Begründung: Kein Platz');
		expect(
			describeNotification({
				kind: 'owner_removed',
				data: { actionId: 1, actionTitle: 'Solardach', actorName: null }
			})
		).toBe('Jemand hat Sie bei „Solardach“ als verantwortlich ausgetragen.');
	});

	it('say how soon an action is due: in a week, or sooner when the date was set closer', () => {
		const dueSoon = (days: number) =>
			describeNotification({
				kind: 'reminder_due_soon',
				data: { actionId: 1, actionTitle: 'Solardach', unowned: false, days, dueDate: '2026-03-10' }
			});
		expect(dueSoon(7)).toBe('„Solardach“ ist in einer Woche fällig, am 10.03.2026.');
		expect(dueSoon(3)).toBe('„Solardach“ ist bald fällig, am 10.03.2026.');
	});

	it('count the unread without plural rules', () => {
		expect([0, 1, 3].map(unreadLabel)).toEqual([
			'Benachrichtigungen',
			'1 ungelesene Benachrichtigung',
			'3 ungelesene Benachrichtigungen'
		]);
	});
});
