import { z } from 'zod';

export const healthSchema = z.object({
  ok: z.literal(true),
  dialect: z.enum(['sqlite', 'postgres']),
  db: z.literal('up'),
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
