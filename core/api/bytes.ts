import { z } from 'zod';

/** File contents crossing the API (design §3: bytes, never paths). */
export const BytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, {
  error: 'validation.bytes',
});
