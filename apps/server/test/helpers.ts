import type { AddressInfo } from "node:net";
import { createTestServices, silentPino, type TestServices } from "@tesseract/api/testing";
import { createTRPCClient, httpBatchLink, httpLink } from "@trpc/client";
import superjson from "superjson";
import { createApiServer, type ApiAdapter, type ApiServer } from "../src/server.ts";
import { probeRouter } from "./probe-router.ts";

export interface TestServer {
  url: string;
  services: TestServices;
  api: ApiServer;
  close(): Promise<void>;
}

/**
 * The real HTTP server on an ephemeral loopback port, over real services, with the probe router.
 * The lean adapter unless `adapter` says otherwise (the default production uses).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { adapter?: ApiAdapter; adminDatabaseUrl?: string } = {},
): Promise<TestServer> {
  const services = await createTestServices(
    { CORS_ORIGINS: "http://app.test", ...env },
    { adminDatabaseUrl: options.adminDatabaseUrl },
  );
  return listenOn(services, options.adapter);
}

/**
 * Another server over the same services (the wire-compatibility suite runs one per adapter).
 * Its shutdown leaves the services to their owner.
 */
export async function startSiblingServer(
  services: TestServices,
  adapter: ApiAdapter,
): Promise<TestServer> {
  return listenOn({ ...services, close: () => Promise.resolve() }, adapter);
}

async function listenOn(services: TestServices, adapter: ApiAdapter | undefined) {
  const api = createApiServer({ services, logger: silentPino, router: probeRouter, adapter });
  await new Promise<void>((resolve) => api.server.listen(0, "127.0.0.1", resolve));
  const { port } = api.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    api,
    close: () => api.shutdown().then(() => undefined),
  };
}

/** The vanilla tRPC client, typed by the probe router, batching like the SDK does. */
export function probeClient(url: string, opts: { batch?: boolean } = {}) {
  const link = { url: `${url}/trpc`, transformer: superjson };
  return createTRPCClient<typeof probeRouter>({
    links: [opts.batch === false ? httpLink(link) : httpBatchLink({ ...link, maxItems: 10 })],
  });
}
