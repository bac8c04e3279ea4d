import type { AnyRouter } from "@trpc/server";
import type { Meta } from "./trpc.ts";

/** What the audit reads of a procedure or a builder: its middleware chain and its meta. */
interface Built {
  _def: { middlewares: readonly unknown[]; meta?: Meta };
}

function procedures(router: AnyRouter): [string, Built][] {
  return Object.entries(router._def.procedures as Record<string, Built>);
}

/**
 * The names of a router's procedures made from `builder` (orgProcedure, adminProcedure, …),
 * sorted: a procedure's middleware chain starts with the chain of the builder it was made from.
 */
export function proceduresBuiltOn(router: AnyRouter, builder: Built): string[] {
  const chain = builder._def.middlewares;
  return procedures(router)
    .filter(([, procedure]) =>
      chain.every((middleware, index) => procedure._def.middlewares[index] === middleware),
    )
    .map(([name]) => name)
    .sort();
}

/**
 * The procedures made from `orgBuilder` whose meta names no permission. orgProcedure refuses
 * them at runtime; the authorization matrix expects this list to be empty, so the omission is
 * caught before it ships.
 */
export function orgProceduresWithoutPermission(router: AnyRouter, orgBuilder: Built): string[] {
  const defs = new Map(procedures(router));
  return proceduresBuiltOn(router, orgBuilder).filter(
    (name) => !defs.get(name)?._def.meta?.permission,
  );
}
