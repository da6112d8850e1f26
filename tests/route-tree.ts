// The route tree as SvelteKit will serve it, read from src/routes: every page (GET), form action
// (POST) and endpoint method. The authorisation matrix and the bad-input run both hold the app
// against it, so a new route fails both until someone has written down its rules and its cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { Method } from './authorization-matrix';

export const ROUTES = resolve(import.meta.dirname, '../src/routes');

export interface Entry {
	route: string;
	method: Method;
	action?: string;
	kind: 'page' | 'endpoint';
}

export const entryName = (e: Pick<Entry, 'route' | 'method' | 'action'>) =>
	`${e.method} ${e.route}${e.action ? ` ?/${e.action}` : ''}`;

const HTTP_METHODS = new Set<string>([
	'GET',
	'HEAD',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
	'OPTIONS',
	'fallback'
]);
const PAGE_FILES = ['+page.svelte', '+page.server.ts', '+page.server.js', '+page.ts', '+page.js'];

function sourceOf(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) &&
	(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/**
 * A module's exports by name, each with what it is set to: `export const X = …`,
 * `export function X`, and `export { x as X }` of a top-level declaration.
 */
function exportsOf(source: ts.SourceFile): Map<string, ts.Node | undefined> {
	const locals = new Map<string, ts.Node | undefined>();
	const exported = new Map<string, ts.Node | undefined>();
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (!ts.isIdentifier(declaration.name)) continue;
				locals.set(declaration.name.text, declaration.initializer);
				if (isExported(statement)) exported.set(declaration.name.text, declaration.initializer);
			}
		} else if (ts.isFunctionDeclaration(statement) && statement.name) {
			locals.set(statement.name.text, statement);
			if (isExported(statement)) exported.set(statement.name.text, statement);
		}
	}
	for (const statement of source.statements) {
		if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier) continue;
		if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
		for (const element of statement.exportClause.elements) {
			const local = (element.propertyName ?? element.name).getText(source);
			exported.set(element.name.getText(source), locals.get(local));
		}
	}
	return exported;
}

/** The keys of a `+page.server.ts`'s `actions` object; none when it exports no actions. */
function formActionsOf(file: string): string[] {
	const source = sourceOf(file);
	const exported = exportsOf(source);
	if (!exported.has('actions')) return [];
	let node = exported.get('actions');
	while (
		node &&
		(ts.isSatisfiesExpression(node) ||
			ts.isAsExpression(node) ||
			ts.isParenthesizedExpression(node) ||
			ts.isTypeAssertionExpression(node))
	) {
		node = node.expression;
	}
	const unreadable = `${relative(ROUTES, file)}: the keys of \`actions\` cannot be read; write it as an object literal`;
	if (!node || !ts.isObjectLiteralExpression(node)) throw new Error(unreadable);
	return node.properties.map((property) => {
		const name = property.name;
		if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
		throw new Error(unreadable);
	});
}

/** The HTTP methods a `+server.ts` exports. */
function endpointMethodsOf(file: string): Method[] {
	return [...exportsOf(sourceOf(file)).keys()].filter((name): name is Method =>
		HTTP_METHODS.has(name)
	);
}

/** Every page (GET), form action (POST) and endpoint method under src/routes. */
export function readRouteTree(dir = ROUTES): Entry[] {
	const items = readdirSync(dir, { withFileTypes: true });
	const file = (...names: string[]) =>
		names.map((n) => join(dir, n)).find((path) => existsSync(path));
	const route = `/${relative(ROUTES, dir).split(sep).join('/')}`;
	const entries: Entry[] = [];
	if (items.some((item) => item.isFile() && PAGE_FILES.includes(item.name))) {
		entries.push({ route, method: 'GET', kind: 'page' });
		const server = file('+page.server.ts', '+page.server.js');
		for (const action of server ? formActionsOf(server) : []) {
			entries.push({ route, method: 'POST', action, kind: 'page' });
		}
	}
	const endpoint = file('+server.ts', '+server.js');
	for (const method of endpoint ? endpointMethodsOf(endpoint) : []) {
		entries.push({ route, method, kind: 'endpoint' });
	}
	for (const item of items) {
		if (item.isDirectory()) entries.push(...readRouteTree(join(dir, item.name)));
	}
	return entries;
}

/** `/(app)/actions/[id]` → `/actions/[id]`: groups do not show in the address. */
export const withoutGroups = (route: string) =>
	route
		.split('/')
		.filter((s) => !/^\(.+\)$/.test(s))
		.join('/') || '/';
