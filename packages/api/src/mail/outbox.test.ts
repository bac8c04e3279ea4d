import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { transactWithMail } from "./outbox.ts";

describe("transactWithMail", () => {
  let database: TestDatabase;
  const message = (to: string) => ({ to, subject: "Hello", text: "Hi" });
  const queued = () =>
    database.db.selectFrom("outbox").select(["type", "payload", "request_id"]).execute();

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });
  beforeEach(async () => {
    await database.db.deleteFrom("outbox").execute();
  });

  it("writes a mail.send job with the transaction that caused it", async () => {
    const { result, delivered } = await transactWithMail(
      database.db,
      async (trx, mail) => {
        await trx
          .insertInto("users")
          .values({ email: "committed@example.test", name: "C", password_hash: "x" })
          .execute();
        await mail.send(trx, message("committed@example.test"));
        return 42;
      },
      { requestId: "req-mail" },
    );
    expect(result).toBe(42);
    expect(await delivered).toBe(true);
    expect(await queued()).toEqual([
      { type: "mail.send", payload: message("committed@example.test"), request_id: "req-mail" },
    ]);
  });

  it("leaves no job for a transaction that rolls back", async () => {
    await expect(
      transactWithMail(database.db, async (trx, mail) => {
        await trx
          .insertInto("users")
          .values({ email: "rolled-back@example.test", name: "R", password_hash: "x" })
          .execute();
        await mail.send(trx, message("rolled-back@example.test"));
        throw new Error("the change fails after its mail was enqueued");
      }),
    ).rejects.toThrow("the change fails");
    expect(await queued()).toEqual([]);
  });

  it("refuses mail enqueued with another transaction", async () => {
    await expect(
      transactWithMail(database.db, (_trx, mail) =>
        database.db.transaction().execute((other) => mail.send(other, message("x@example.test"))),
      ),
    ).rejects.toThrow("not bound");
    expect(await queued()).toEqual([]);
  });
});
