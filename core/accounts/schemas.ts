// Accounts (账户): roles, locales and the shapes that cross the API.
import { z } from 'zod';

export const ROLES = ['coordinator', 'evaluator'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LOCALES = ['zh-CN', 'en-US'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Failed logins before an account is locked, and for how long (issue 2). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 5;

// Custom messages are i18n keys; the dispatcher maps them to field errors as they are.
export const UsernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'validation.username_chars' });
export const PasswordSchema = z.string().min(8).max(128);
export const DisplayNameSchema = z.string().trim().min(1).max(40);
export const OrgNameSchema = z.string().trim().min(2).max(60);

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: LocaleSchema.nullable(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const UserSummarySchema = SessionUserSchema.extend({
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUserSchema,
});
export type Session = z.infer<typeof SessionSchema>;
