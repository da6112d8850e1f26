import { z } from 'zod';
import { typedText } from './text-input';
import { idField } from './action-input';
import { ROLES } from '../../roles';
import { LOCALES } from '../../locales';
import { LIMITS } from '../../board/limits';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';

/** Input rules for everything about people; form actions and tests share them. */
export const emailField = z
	.string()
	.trim()
	.min(1)
	.max(LIMITS.email)
	.pipe(z.email())
	.transform((e) => e.toLowerCase());
export const nameField = typedText(LIMITS.personName, { min: 1 });
/** A new password: long enough, and none of those guessed first (`auth/password-policy.ts`). */
export const passwordField = z
	.string()
	.min(PASSWORD_MIN_LENGTH)
	.max(PASSWORD_MAX_LENGTH)
	.superRefine((password, ctx) => {
		const problem = passwordProblem(password);
		if (problem) ctx.addIssue({ code: 'custom', message: `password_${problem}` });
	});

/** Where the form names the person too: a password made of their name or e-mail is refused. */
const notPersonal = <T extends { name: string; email: string; password?: string }>(
	v: T,
	ctx: z.RefinementCtx
) => {
	if (v.password && passwordProblem(v.password, v) === 'personal') {
		ctx.addIssue({ code: 'custom', message: 'password_personal', path: ['password'] });
	}
};
export const roleField = z.enum(ROLES);
export const localeField = z.enum(LOCALES);
/** A person's id, as digits (forms) or a number. */
export const userIdField = idField;

export const signInInput = z.object({
	email: z.string().trim().min(1).max(LIMITS.email),
	password: z.string().min(1).max(PASSWORD_MAX_LENGTH)
});

const newPassword = {
	password: passwordField,
	passwordConfirm: z.string().max(PASSWORD_MAX_LENGTH)
};
const confirmed = (v: { password: string; passwordConfirm: string }) =>
	v.password === v.passwordConfirm;
const confirmError = { message: 'passwords_differ', path: ['passwordConfirm'] };

export const setupInput = z
	.object({
		setupCode: z.string().trim().min(1).max(100),
		name: nameField,
		email: emailField,
		...newPassword
	})
	.refine(confirmed, confirmError)
	.superRefine(notPersonal);
export const choosePasswordInput = z.object(newPassword).refine(confirmed, confirmError);
export const changePasswordInput = z
	.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), ...newPassword })
	.refine(confirmed, confirmError);

export const profileInput = z.object({ name: nameField, locale: localeField });

export const newUserInput = z
	.discriminatedUnion('access', [
		z.object({
			access: z.literal('password'),
			name: nameField,
			email: emailField,
			role: roleField,
			password: passwordField
		}),
		z.object({ access: z.literal('link'), name: nameField, email: emailField, role: roleField })
	])
	.superRefine(notPersonal);

export const changeRoleInput = z.object({ userId: userIdField, role: roleField });
export const userIdInput = z.object({ userId: userIdField });
