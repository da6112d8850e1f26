import { m } from '$lib/paraglide/messages';
import type { Cell, Dimension, Horizon, Status } from './cells';
import type { Role } from '$lib/roles';

/** Translated names of the fixed identifiers; the identifiers themselves never change. */
export const dimensionLabel = (d: Dimension) =>
	({
		ecological: m.dimension_ecological,
		economic: m.dimension_economic,
		social: m.dimension_social
	})[d]();

export const horizonLabel = (h: Horizon) =>
	({ short: m.horizon_short, medium: m.horizon_medium, long: m.horizon_long })[h]();

/** A cell's name, e.g. "Ökologisch · kurzfristig". */
export const cellLabel = (c: Cell) => `${dimensionLabel(c.dimension)} · ${horizonLabel(c.horizon)}`;

export const statusLabel = (s: Status) =>
	({
		planned: m.status_planned,
		in_progress: m.status_in_progress,
		done: m.status_done,
		dropped: m.status_dropped
	})[s]();

export const roleLabel = (r: Role) =>
	({ admin: m.role_admin, member: m.role_member, leader: m.role_leader, staff: m.role_staff })[r]();
