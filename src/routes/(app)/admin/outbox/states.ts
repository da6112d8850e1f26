import { m } from '$lib/paraglide/messages';

const STATE_LABELS = {
	pending: m.outbox_state_pending,
	sending: m.outbox_state_sending,
	sent: m.outbox_state_sent,
	failed: m.outbox_state_failed
} as const;

export type OutboxStateName = keyof typeof STATE_LABELS;
export const OUTBOX_STATE_ORDER = Object.keys(STATE_LABELS) as OutboxStateName[];

/** An e-mail's state in a word: waiting, being sent, sent, failed. */
export const stateLabel = (state: OutboxStateName) => STATE_LABELS[state]();
