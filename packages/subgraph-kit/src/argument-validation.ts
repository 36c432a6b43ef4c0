import { type ValidationError, type ValidatorOptions, validate } from "class-validator";
import { ArgumentValidationError } from "type-graphql";

// What type-graphql's own validation would use with the kit's settings (see buildFederatedSchema).
const OPTIONS: ValidatorOptions = {
  forbidUnknownValues: false,
  skipMissingProperties: true,
  validationError: { target: false, value: false },
};
const REMEMBERED_PER_TYPE = 1_000;

/**
 * Validates resolver arguments (class-validator input classes) like type-graphql does, but checks
 * each distinct value once per process: a field asked for 100 entities (a home's page of
 * activities with the same dates and page size) arrives with the same arguments 100 times, and
 * validating them was a tenth of a subgraph's CPU. Only values that passed are remembered; a
 * failing value is validated, and refused, every time.
 */
export function createArgumentValidator() {
  const passed = new WeakMap<object, Set<string>>();
  return async function validateArgument(value: unknown): Promise<void> {
    if (value === null || typeof value !== "object") return;
    const items = Array.isArray(value) ? value : [value];
    const errors: ValidationError[] = [];
    for (const item of items) {
      if (item === null || typeof item !== "object") continue;
      const type = item.constructor as object;
      const key = JSON.stringify(item);
      const seen = passed.get(type) ?? new Set<string>();
      if (seen.has(key)) continue;
      const found = await validate(item, OPTIONS);
      if (found.length > 0) {
        errors.push(...found);
        continue;
      }
      if (seen.size >= REMEMBERED_PER_TYPE) seen.clear();
      seen.add(key);
      passed.set(type, seen);
    }
    if (errors.length > 0) throw new ArgumentValidationError(errors);
  };
}
