import { z } from "zod";
import { roleSchema } from "../organization.ts";
import { okOutput } from "./common.ts";

/** The signed-in person, as `auth.signUp` and `auth.signIn` answer. */
export const signedInOutput = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isPlatformAdmin: z.boolean(),
  }),
});

export const meOutput = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    emailVerifiedAt: z.date().nullable(),
    createdAt: z.date(),
    isPlatformAdmin: z.boolean(),
  }),
  /** How the caller is signed in. */
  via: z.enum(["session", "token"]),
  organizations: z.array(
    z.object({ id: z.string(), name: z.string(), slug: z.string(), role: roleSchema }),
  ),
});

export const updateProfileOutput = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
});

export const changePasswordOutput = z.object({
  /** The caller's other sessions, ended by the change. */
  endedSessions: z.number().int(),
});

/** The same answer whether or not the address has an account. */
export const requestPasswordResetOutput = okOutput.extend({ message: z.string() });

export const sessionListOutput = z.array(
  z.object({
    id: z.string(),
    /** The session this request came with. */
    current: z.boolean(),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
);

export const sessionRevokeOutput = z.object({ ended: z.number().int() });
