import { describe, expect, it } from "vitest";
import { signInSchema, userCreateSchema } from "./schema";

const valid = { email: "Ann@Example.org ", role: "editor", password: "a-long-enough-password" };

describe("userCreateSchema", () => {
  it("normalises the email address and accepts a long password", () => {
    expect(userCreateSchema.parse(valid)).toEqual({ email: "ann@example.org", name: null, role: "editor", password: "a-long-enough-password" });
  });

  it("rejects bad addresses, unknown roles and short or huge passwords", () => {
    const issues = (input: object) => userCreateSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ email: "not an address" })).toEqual(["email: Enter an email address such as name@example.org."]);
    expect(issues({ role: "owner" })).toEqual(["role: Choose editor or admin."]);
    expect(issues({ password: "short" })).toEqual(["password: Use at least 12 characters."]);
    expect(issues({ password: "x".repeat(201) })).toEqual(["password: At most 200 characters."]);
  });

  it("only requires something typed to sign in", () => {
    expect(signInSchema.safeParse({ email: " ", password: "" }).error?.issues.map((i) => i.path[0])).toEqual(["email", "password"]);
    expect(signInSchema.safeParse({ email: "a@b.c", password: "x" }).success).toBe(true);
  });
});
