export const ROLES = ['admin', 'member', 'leader', 'staff'] as const;
export type Role = (typeof ROLES)[number];
