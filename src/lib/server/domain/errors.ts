/** A rule of the domain was broken; routes turn the code into a translated message. */
export class DomainError extends Error {
	constructor(
		readonly code:
			| 'not_found'
			| 'email_taken'
			| 'last_admin'
			| 'self'
			| 'conflict'
			| 'archived'
			| 'invalid_owner'
			| 'not_allowed'
			| 'wrong_state'
			| 'invalid_merge'
			| 'invalid_action'
			| 'own_idea'
			| 'goal_years'
			| 'unknown_code'
			| 'start_after_due'
			| 'unknown_goal',
		readonly details?: Record<string, unknown>
	) {
		super(code);
	}
}
