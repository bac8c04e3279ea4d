import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";
import { api } from "./server.ts";
import type { RouterOutputs } from "./types.ts";

export type Project = RouterOutputs["project"]["list"][number];

/**
 * The project of a /orgs/[orgId]/projects/[key] page, archived or not (one cached
 * `project.list` per request; the API caches it too). An unknown key is a 404.
 */
export const requireProject = cache(async (orgId: string, key: string): Promise<Project> => {
  const projects = await api.project.list({ orgId, includeArchived: true });
  const project = projects.find((candidate) => candidate.key === decodeURIComponent(key));
  if (!project) notFound();
  return project;
});
