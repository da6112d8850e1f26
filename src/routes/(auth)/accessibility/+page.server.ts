import { accessibilityContact } from '$lib/server/accessibility-contact';
import type { PageServerLoad } from './$types';

/** The accessibility statement is for everyone, signed in or not. */
export const load: PageServerLoad = () => ({ contact: accessibilityContact() });
