import { z } from 'zod';
import {
	DIGEST_CHOICES,
	NOTIFICATION_CHANNELS,
	NOTIFICATION_KINDS,
	type NotificationChannel,
	type NotificationKind
} from '../../notifications/kinds';
import type { NotificationChoices } from './notification-settings';

const channelField = z.enum(NOTIFICATION_CHANNELS);

/**
 * The settings form: one field per kind (named as the kind, e.g. `owner_added=email`) and
 * `digest`. Every field is required — the form always sends all of them, each with one choice
 * checked — so a form cut short changes nothing rather than resetting what was left out.
 */
export const notificationChoicesInput = z
	.object({
		...(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelField])) as Record<
			NotificationKind,
			typeof channelField
		>),
		digest: z.enum(DIGEST_CHOICES)
	})
	.transform(({ digest, ...channels }): NotificationChoices => ({
		channels: channels as Record<NotificationKind, NotificationChannel>,
		digest
	}));
