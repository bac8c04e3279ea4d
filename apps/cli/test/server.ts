import type { AddressInfo } from "node:net";
import {
  createTestCaller,
  createTestServices,
  insertTestUser,
  silentPino,
  type TestServices,
} from "@tesseract/api/testing";
import { createApiServer } from "@tesseract/server";

export interface LiveServer {
  url: string;
  services: TestServices;
  /** A member's API token in the organization "Acme", which has the project ENG. */
  token: string;
  orgId: string;
  projectId: string;
  /** Creates a task in ENG as the owner, as another client of the server would. */
  createTask(title: string): Promise<{ key: string }>;
  /** Adds a status to ENG's workflow as the owner (an admin's change, not the token's). */
  addStatus(
    name: string,
    category: "backlog" | "unstarted" | "started" | "completed" | "canceled",
  ): Promise<{ id: string }>;
  close(): Promise<void>;
}

/** The real API server (appRouter, lean adapter, job runtime) over real services. */
export async function startLiveServer(): Promise<LiveServer> {
  const services = await createTestServices({ ATTACHMENT_ALLOWED_TYPES: "text/plain,image/png" });
  const api = createApiServer({ services, logger: silentPino });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  const { port } = api.server.address() as AddressInfo;
  const owner = await insertTestUser(services, "Ada Lovelace");
  const caller = createTestCaller(services, { headers: { cookie: owner.cookie } });
  const org = await caller.org.create({ name: "Acme" });
  const project = await caller.project.create({ orgId: org.id, name: "Engineering", key: "ENG" });
  const { secret } = await caller.token.create({
    orgId: org.id,
    name: "scripts",
    role: "member",
    expiresInDays: null,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    token: secret,
    orgId: org.id,
    projectId: project.id,
    createTask: (title) => caller.task.create({ orgId: org.id, projectId: project.id, title }),
    addStatus: (name, category) =>
      caller.status.create({ orgId: org.id, projectId: project.id, name, category }),
    close: async () => {
      await api.shutdown();
    },
  };
}
