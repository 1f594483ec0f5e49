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
  const schemas: Record<string, JsonSchema> = {};
  const schemaOf = describer(schemas);
  schemas.Error = schemaOf(errorBodySchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const [, call] of contractEntries(contract)) {
    const path = call.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const method = call.method.toLowerCase() as Method;
    paths[path] = { ...paths[path], [method]: operation(call, schemaOf) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OneWindow center 一窗通中心', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths,
  };
}

type SchemaOf = (schema: ZodType, io: 'input' | 'output') => JsonSchema;

function operation(spec: CenterCall, schemaOf: SchemaOf): OpenApiOperation {
  const parameters = [
    ...parametersOf(spec.params, 'path', schemaOf),
    ...parametersOf(spec.query, 'query', schemaOf),
  ];
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
      // /verify answers an unknown code in its own shape (genuine: false), not as an error
      ...(spec.page
        ? {
            '404': {
              description: 'no document of this center has the code',
              content: { 'application/json': { schema: schemaOf(spec.response, 'output') } },
            },
          }
        : {}),
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
  schemaOf: SchemaOf,
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

/**
 * JSON Schema of a zod schema, for a place inside the document. A recursive schema comes with
 * `$defs` whose `#/$defs/…` references would resolve against the document's root, where there
 * are none: they move to components.schemas under names of their own, references rewritten.
 */
function describer(components: Record<string, JsonSchema>): SchemaOf {
  return (schema, io) => {
    // 'any' for what JSON Schema cannot say (a transform, a custom check): the route still
    // validates it, the document just describes it loosely.
    const {
      $schema: _dialect,
      $defs,
      ...rest
    } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    if (!$defs || typeof $defs !== 'object') return rest;
    const renamed = new Map<string, string>();
    for (const name of Object.keys($defs)) {
      renamed.set(
        `#/$defs/${name}`,
        `#/components/schemas/Def${Object.keys(components).length + renamed.size}`,
      );
    }
    const rewrite = (value: z.core.util.JSONType): z.core.util.JSONType => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value).map(([key, v]) => [
          key,
          key === '$ref' && typeof v === 'string' ? (renamed.get(v) ?? v) : rewrite(v),
        ]),
      );
    };
    for (const [name, def] of Object.entries($defs)) {
      const target = renamed.get(`#/$defs/${name}`)!.slice('#/components/schemas/'.length);
      components[target] = rewrite(def) as JsonSchema;
    }
    return rewrite(rest) as JsonSchema;
  };
}
