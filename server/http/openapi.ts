import { z, type ZodType } from 'zod';
import {
  contractEntries,
  type CenterCall,
  type CenterContract,
  type OpenApiDocument,
  type OpenApiOperation,
} from '../../shared/center-api';
import { errorBodySchema } from '../../shared/sync';

type JsonSchema = Record<string, z.core.util.JSONType>;
type Method = 'get' | 'post' | 'put' | 'delete';

/**
 * OpenAPI 3.1 from the center's contract: the same zod schemas that validate the requests and
 * the terminal's parse of the answers describe them, so the document can never drift.
 */
export function openApiDocument(contract: CenterContract): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [, call] of contractEntries(contract)) {
    const path = call.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [call.method.toLowerCase() as Method]: operation(call) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OneWindow center 一窗通中心', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: schemaOf(errorBodySchema, 'output') },
    },
    paths,
  };
}

function operation(spec: CenterCall): OpenApiOperation {
  const parameters = [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query')];
  return {
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth.kind === 'none' ? {} : { security: [{ bearer: [] }] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(spec.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(spec.status ?? 200)]: {
        description: spec.page ? 'JSON, or an HTML page for a browser (Accept: text/html)' : 'OK',
        content: {
          'application/json': { schema: schemaOf(spec.response, 'output') },
          ...(spec.page ? { 'text/html': { schema: { type: 'string' } } } : {}),
        },
      },
      default: {
        description: 'error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

function parametersOf(
  schema: ZodType | undefined,
  where: 'path' | 'query',
): NonNullable<OpenApiOperation['parameters']> {
  if (!schema) return [];
  const json = schemaOf(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

function schemaOf(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  // 'any' for what JSON Schema cannot say (a transform, a custom check): the route still
  // validates it, the document just describes it loosely.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as JsonSchema;
}
