import { z } from 'zod';
import { successEnvelope } from './common.js';

export const healthResponse = successEnvelope(z.object({ status: z.literal('ok') }));
export const readyResponse = successEnvelope(
  z.object({ status: z.literal('ready'), database: z.string(), migrations: z.literal('done') }),
);
