import { Max, Min } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { describe, expect, it } from "vitest";
import { createArgumentValidator } from "./argument-validation.js";

class PageArgs {
  @Min(1)
  @Max(100)
  first!: number;
}

const page = (first: number) => Object.assign(new PageArgs(), { first });

describe("createArgumentValidator", () => {
  it("refuses an invalid value every time, with the field that failed", async () => {
    const validate = createArgumentValidator();
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await validate(page(500)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ArgumentValidationError);
      expect((error as ArgumentValidationError).extensions.validationErrors[0]?.property).toBe("first");
    }
  });

  it("passes valid values, lists and scalars, and still refuses an invalid value of a remembered type", async () => {
    const validate = createArgumentValidator();
    await expect(validate(page(20))).resolves.toBeUndefined();
    await expect(validate(page(20))).resolves.toBeUndefined();
    await expect(validate([page(1), page(100)])).resolves.toBeUndefined();
    await expect(validate("a scalar")).resolves.toBeUndefined();
    await expect(validate(null)).resolves.toBeUndefined();
    await expect(validate([page(20), page(0)])).rejects.toBeInstanceOf(ArgumentValidationError);
  });
});
