import { excerpt } from './text.js';

/** Builds a plausible value for a JSON schema (tool arguments, json_schema answers) from a prompt. */
export function sampleFromSchema(schema: unknown, prompt: string, depth = 0): unknown {
  if (!schema || typeof schema !== 'object' || depth > 4) return excerpt(prompt, 40);
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(properties)) {
        out[key] = sampleFromSchema(value, prompt, depth + 1);
      }
      return out;
    }
    case 'array':
      return [sampleFromSchema(s.items, prompt, depth + 1)];
    case 'integer':
    case 'number':
      return 42;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return excerpt(prompt, 40);
  }
}
