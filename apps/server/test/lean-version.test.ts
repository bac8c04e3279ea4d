import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createTestServices } from "@tesseract/api/testing";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../src/server.ts";
import { probeRouter } from "./probe-router.ts";

const lines: { level: number; msg: string; trpcServer?: string }[] = [];
const logger = pino(
  { level: "info" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  }),
);

let api: ApiServer | undefined;
afterAll(async () => {
  await api?.shutdown();
});

describe("an untested @trpc/server release", () => {
  it("is logged at error, counted in the metrics, and served by the stock adapter", async () => {
    const services = await createTestServices();
    api = createApiServer({ services, logger, router: probeRouter, trpcVersion: "11.99.0" });
    const mismatch = lines.find((line) => line.trpcServer === "11.99.0");
    expect(mismatch?.level).toBe(50);
    expect(mismatch?.msg).toContain("not a release the lean adapter was tested on");
    expect(await api.metrics.render()).toContain("tesseract_trpc_lean_version_mismatch_total 1");

    await new Promise<void>((resolve) => api!.server.listen(0, "127.0.0.1", resolve));
    const { port } = api.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/trpc/probe.nothing`);
    expect(res.status).toBe(200);
    expect(api.adapterCounts).toEqual({ lean: 0, stock: 1 });
    expect(await api.metrics.valueOf(api.metrics.trpcAdapter, { adapter: "stock" })).toBe(1);
  });
});
