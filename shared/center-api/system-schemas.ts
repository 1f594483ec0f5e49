import { z } from 'zod';

/** The center's database integrity: the quick check of the start or a manager's later check. */
export const centerIntegritySchema = z.object({
  ok: z.boolean(),
  mode: z.enum(['quick', 'full']),
  dialect: z.enum(['sqlite', 'postgres']),
  problems: z.array(z.string()),
  checkedAt: z.string(),
});

/**
 * `db: 'damaged'` (and ok false) when the last integrity check found damage: a load balancer
 * takes the process out rather than sending it writes (issue 15 point 2).
 */
export const healthSchema = z.object({
  ok: z.boolean(),
  dialect: z.enum(['sqlite', 'postgres']),
  db: z.enum(['up', 'damaged']),
  /** null until a check ran in this process (an app built without main.ts, in tests) */
  integrity: centerIntegritySchema.nullable(),
});

/** A JSON Schema as zod writes one: its own vocabulary, described by the OpenAPI 3.1 standard. */
const jsonSchema = z.record(z.string(), z.json());

const operationSchema = z.strictObject({
  summary: z.string(),
  tags: z.array(z.string()),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  parameters: z
    .array(
      z.strictObject({
        name: z.string(),
        in: z.enum(['path', 'query']),
        required: z.boolean(),
        schema: jsonSchema,
      }),
    )
    .optional(),
  requestBody: z
    .strictObject({
      required: z.literal(true),
      content: z.strictObject({ 'application/json': z.strictObject({ schema: jsonSchema }) }),
    })
    .optional(),
  responses: z.record(
    z.string(),
    z.strictObject({
      description: z.string(),
      content: z.record(z.string(), z.strictObject({ schema: jsonSchema })),
    }),
  ),
});
export type OpenApiOperation = z.infer<typeof operationSchema>;

/** The part of OpenAPI 3.1 the center's /openapi.json uses. */
export const openApiSchema = z.strictObject({
  openapi: z.literal('3.1.0'),
  info: z.strictObject({ title: z.string(), version: z.string() }),
  components: z.strictObject({
    securitySchemes: z.record(
      z.string(),
      z.strictObject({ type: z.literal('http'), scheme: z.literal('bearer') }),
    ),
    schemas: z.record(z.string(), jsonSchema),
  }),
  paths: z.record(
    z.string(),
    z.partialRecord(z.enum(['get', 'post', 'put', 'delete']), operationSchema),
  ),
});
export type OpenApiDocument = z.infer<typeof openApiSchema>;
