import { hydrate, type InfiniteData } from "@tanstack/react-query";
import { dehydrate } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createQueryClient } from "./query-client.ts";
import { trpc } from "./react.tsx";
import { createServerHelpers } from "./server-helpers.ts";

// A stand-in for the API server that answers every query in a batch with superjson data (a
// Date among it) and records what each request carried.
interface Seen {
  path: string;
  inputs: unknown[];
  headers: IncomingHttpHeaders;
}
let seen: Seen[] = [];
const created = new Date("2026-11-01T10:00:00.000Z");
const server: Server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://stand-in");
  const paths = url.pathname.replace(/^\/trpc\//, "").split(",");
  const batch = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, unknown>;
  const inputs = paths.map((_, index) => superjson.deserialize(batch[index] as never));
  seen.push({ path: paths.join(","), inputs, headers: req.headers });
  const answers = paths.map((path) => ({
    result: {
      data: superjson.serialize(
        path === "task.list"
          ? { items: [{ id: "t1", createdAt: created }], nextCursor: "c1" }
          : { id: "t1", createdAt: created },
      ),
    },
  }));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answers));
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
});
afterAll(() => {
  server.close();
});
beforeEach(() => {
  seen = [];
});

const pageRequest = new Headers({
  cookie: "tesseract_session=secret-value; theme=dark",
  "x-forwarded-for": "203.0.113.7",
  "x-request-id": "req-42",
  authorization: "Bearer not-from-a-page",
  "x-tesseract-path": "/orgs/o1",
  "user-agent": "Browser/1.0",
});
const taskInput = { orgId: "o1", ref: "ENG-1" };
const listInput = {
  orgId: "o1",
  projectId: "p1",
  sort: "position",
  order: "asc",
  limit: 100,
} as const;

describe("the server-side helpers", () => {
  it("carry the visitor's session cookie, address and request id to the API, and no other header", async () => {
    const api = createServerHelpers(url, () => Promise.resolve(pageRequest));
    await api.task.get.fetch(taskInput);
    expect(seen).toHaveLength(1);
    const sent = seen[0]!.headers;
    expect(sent.cookie).toBe("tesseract_session=secret-value; theme=dark");
    expect(sent["x-forwarded-for"]).toBe("203.0.113.7");
    expect(sent["x-request-id"]).toBe("req-42");
    expect(sent["x-trpc-source"]).toBe("rsc");
    expect(sent.authorization).toBeUndefined();
    expect(sent["x-tesseract-path"]).toBeUndefined();
    expect(sent["user-agent"]).not.toBe("Browser/1.0");
  });

  it("send a visitor without a session as no one", async () => {
    const api = createServerHelpers(url, () => Promise.resolve(new Headers()));
    await api.task.get.fetch(taskInput);
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers["x-forwarded-for"]).toBeUndefined();
  });

  it("fetch each query once per request, however many components ask", async () => {
    const api = createServerHelpers(url, () => Promise.resolve(pageRequest));
    // The page's title and its body ask at the same time, and again later.
    const [first, second] = await Promise.all([
      api.task.get.fetch(taskInput),
      api.task.get.fetch(taskInput),
    ]);
    const third = await api.task.get.fetch(taskInput);
    expect(seen).toHaveLength(1);
    expect(first).toEqual(second);
    expect(third).toEqual(first);
    // A second request (a new set of helpers) asks again: nothing is shared between visitors.
    await createServerHelpers(url, () => Promise.resolve(pageRequest)).task.get.fetch(taskInput);
    expect(seen).toHaveLength(2);
  });

  it("cache under the keys the browser's hooks read, and hydrate with Dates intact", async () => {
    const api = createServerHelpers(url, () => Promise.resolve(pageRequest));
    await Promise.all([api.task.get.fetch(taskInput), api.task.list.fetchInfinite(listInput)]);
    // The first page is asked for without a cursor, as the browser's first page is.
    const listCall = seen.find((call) => call.path.split(",").includes("task.list"));
    const listIndex = listCall!.path.split(",").indexOf("task.list");
    expect(listCall!.inputs[listIndex]).toEqual(listInput);

    const browser = createQueryClient();
    hydrate(browser, dehydrate(api.queryClient));
    const task = browser.getQueryData<{ createdAt: Date }>(
      getQueryKey(trpc.task.get, taskInput, "query"),
    );
    expect(task?.createdAt).toEqual(created);
    const pages = browser.getQueryData<InfiniteData<{ nextCursor: string | null }>>(
      getQueryKey(trpc.task.list, listInput, "infinite"),
    );
    expect(pages?.pages).toHaveLength(1);
    expect(pages?.pages[0]?.nextCursor).toBe("c1");
    expect(pages?.pageParams).toEqual([null]);
  });
});
