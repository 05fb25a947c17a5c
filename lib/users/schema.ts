import { z } from "zod";
import { USER_ROLES } from "@/lib/events/vocabulary";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "At most 320 characters.")
  .pipe(z.email("Enter an email address such as name@example.org."));

/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters.`);

export const roleSchema = z.enum(USER_ROLES, "Choose editor or admin.");

export const userCreateSchema = z.object({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .max(200, "At most 200 characters.")
    .optional()
    .transform((v) => (v ? v : null)),
  role: roleSchema,
  password: passwordSchema,
});

export type UserCreateInput = z.infer<typeof userCreateSchema>;

/** The sign-in form only checks that something was typed: the real check is the password hash. */
export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});
