import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";
import { fetchForPage, getApi } from "./server.tsx";
import type { RouterOutputs } from "./types.ts";

export type Project = RouterOutputs["project"]["list"][number];

/**
 * The organization's projects, archived ones too, for a page (one `project.list` per request;
 * the projects page shows this list and every project page finds its project in it).
 */
export function loadProjects(orgId: string): Promise<Project[]> {
  return fetchForPage(getApi().project.list.fetch({ orgId, includeArchived: true }));
}

/** The project of a /orgs/[orgId]/projects/[key] page, archived or not; an unknown key is a 404. */
export const requireProject = cache(async (orgId: string, key: string): Promise<Project> => {
  const projects = await loadProjects(orgId);
  const project = projects.find((candidate) => candidate.key === decodeURIComponent(key));
  if (!project) notFound();
  return project;
});
