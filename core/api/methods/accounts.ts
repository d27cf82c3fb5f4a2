// App status, first-run setup, login and account management.
import { z } from 'zod';
import {
  DisplayNameSchema,
  LocaleSchema,
  OrgNameSchema,
  PasswordSchema,
  RoleSchema,
  SessionSchema,
  SessionUserSchema,
  UserSummarySchema,
  UsernameSchema,
} from '../../accounts/schemas';
import { ANY_ROLE, COORDINATOR, method } from '../define';
import { DemoInfoSchema } from './demo';

const Empty = z.strictObject({});
const Ok = z.object({ ok: z.literal(true) });

export const accountMethods = {
  'app.status': method({
    input: Empty,
    output: z.object({
      setupRequired: z.boolean(),
      orgName: z.string().nullable(),
      defaultLocale: LocaleSchema,
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      workspaceId: z.string(),
      /** Set in the demo workspace: its documented accounts, shown on the login page. */
      demo: DemoInfoSchema.nullable(),
      /**
       * coordinator: the organiser's workspace; evaluator: made by importing a task package
       * (scoring only: hide the registry and admin screens; the dispatcher refuses them anyway);
       * null: fresh (offer setup or 导入评查任务包).
       */
      mode: z.enum(['coordinator', 'evaluator']).nullable(),
    }),
    access: 'public',
  }),
  'setup.createCoordinator': method({
    input: z.strictObject({
      orgName: OrgNameSchema,
      displayName: DisplayNameSchema,
      username: UsernameSchema,
      password: PasswordSchema,
      locale: LocaleSchema,
    }),
    output: SessionSchema,
    access: 'public',
  }),
  'auth.login': method({
    input: z.strictObject({
      username: z.string().trim().min(1).max(64),
      password: z.string().min(1).max(128),
    }),
    output: SessionSchema,
    access: 'public',
  }),
  'auth.logout': method({ input: Empty, output: Ok, access: ANY_ROLE }),
  'auth.me': method({ input: Empty, output: SessionUserSchema, access: ANY_ROLE }),
  'account.changePassword': method({
    input: z.strictObject({
      currentPassword: z.string().min(1).max(128),
      newPassword: PasswordSchema,
    }),
    output: Ok,
    access: ANY_ROLE,
  }),
  'account.setLocale': method({
    input: z.strictObject({ locale: LocaleSchema }),
    output: Ok,
    access: ANY_ROLE,
  }),
  'users.list': method({
    input: Empty,
    output: z.object({ users: z.array(UserSummarySchema) }),
    access: COORDINATOR,
  }),
  'users.create': method({
    input: z.strictObject({
      username: UsernameSchema,
      displayName: DisplayNameSchema,
      role: RoleSchema,
      password: PasswordSchema,
    }),
    output: UserSummarySchema,
    access: COORDINATOR,
  }),
  'users.update': method({
    input: z.strictObject({
      id: z.string().min(1),
      displayName: DisplayNameSchema.optional(),
      role: RoleSchema.optional(),
      active: z.boolean().optional(),
    }),
    output: UserSummarySchema,
    access: COORDINATOR,
  }),
  'users.resetPassword': method({
    input: z.strictObject({ id: z.string().min(1), password: PasswordSchema }),
    output: Ok,
    access: COORDINATOR,
  }),
  'jobs.cancel': method({
    input: z.strictObject({ callId: z.string().min(1).max(100) }),
    output: z.object({ cancelled: z.boolean() }),
    access: ANY_ROLE,
  }),
};
