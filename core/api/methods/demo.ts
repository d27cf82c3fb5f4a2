// The demo workspace (载入示例数据), offered on the first-run page.
import { z } from 'zod';
import { RoleSchema } from '../../accounts/schemas';
import { method } from '../define';

export const DemoInfoSchema = z.object({
  password: z.string(),
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: RoleSchema })),
});
export type DemoInfo = z.infer<typeof DemoInfoSchema>;

export const demoMethods = {
  'demo.load': method({
    input: z.strictObject({
      /** Add a campaign in progress (scoring started, some sheets in, two files flagged). */
      campaign: z.boolean().default(true),
    }),
    output: DemoInfoSchema.extend({
      counts: z.object({
        departments: z.number().int(),
        people: z.number().int(),
        cases: z.number().int(),
      }),
    }),
    access: 'public',
    long: true,
  }),
};
