import { z } from "zod";
import { textSchema } from "./text.ts";

export const emailSchema = textSchema()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = textSchema()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const personNameSchema = textSchema()
  .trim()
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

/** Opaque single-use tokens from emailed links. */
export const linkTokenSchema = textSchema().regex(
  /^[A-Za-z0-9_-]{20,100}$/,
  "This link is malformed",
);

export const signUpInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema,
  /** From an invitation link: its address counts as verified when the sign-up uses it. */
  invitationToken: linkTokenSchema.optional(),
});
export const signInInput = z.object({
  email: emailSchema,
  password: textSchema().min(1, "Enter your password").max(200),
});
export const updateProfileInput = z.object({ name: personNameSchema });
export const changePasswordInput = z.object({
  currentPassword: textSchema().min(1, "Enter your current password").max(200),
  newPassword: passwordSchema,
});
export const requestPasswordResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: linkTokenSchema, password: passwordSchema });
export const verifyEmailInput = z.object({ token: linkTokenSchema });

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
