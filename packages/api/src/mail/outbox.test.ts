import { createTestDatabase, type TestDatabase } from "@tesseract/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailMessage, Mailer } from "./mailer.ts";
import { transactWithMail } from "./outbox.ts";

describe("transactWithMail", () => {
  let database: TestDatabase;
  const sent: MailMessage[] = [];
  const failures: unknown[] = [];
  let refuse = false;
  const mailer: Mailer = {
    kind: "memory",
    send(message) {
      if (refuse) return Promise.reject(new Error("smtp: connection refused"));
      sent.push(message);
      return Promise.resolve();
    },
    inbox: () => [],
    close: () => undefined,
  };
  const onError = (err: unknown) => failures.push(err);
  const message = (to: string) => ({ to, subject: "Hello", text: "Hi" });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("sends what a transaction enqueued once it commits", async () => {
    const { result, delivered } = await transactWithMail(
      database.db,
      mailer,
      onError,
      async (trx, mail) => {
        await trx
          .insertInto("users")
          .values({ email: "committed@example.test", name: "C", password_hash: "x" })
          .execute();
        await mail.send(trx, message("committed@example.test"));
        // Nothing leaves before the commit.
        expect(sent).toEqual([]);
        return 42;
      },
    );
    expect(result).toBe(42);
    expect(await delivered).toBe(true);
    expect(sent.map((m) => m.to)).toEqual(["committed@example.test"]);
  });

  it("sends nothing for a transaction that rolls back", async () => {
    sent.length = 0;
    await expect(
      transactWithMail(database.db, mailer, onError, async (trx, mail) => {
        await trx
          .insertInto("users")
          .values({ email: "rolled-back@example.test", name: "R", password_hash: "x" })
          .execute();
        await mail.send(trx, message("rolled-back@example.test"));
        throw new Error("the change fails after its mail was enqueued");
      }),
    ).rejects.toThrow("the change fails");
    const user = await database.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "rolled-back@example.test")
      .executeTakeFirst();
    expect(user).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("refuses mail enqueued with another transaction", async () => {
    await expect(
      transactWithMail(database.db, mailer, onError, (_trx, mail) =>
        database.db.transaction().execute((other) => mail.send(other, message("x@example.test"))),
      ),
    ).rejects.toThrow("not bound");
  });

  it("reports a failed send without failing the committed change", async () => {
    sent.length = 0;
    refuse = true;
    try {
      const { delivered } = await transactWithMail(database.db, mailer, onError, (trx, mail) =>
        mail.send(trx, message("unreachable@example.test")),
      );
      expect(await delivered).toBe(false);
      expect(failures).toHaveLength(1);
    } finally {
      refuse = false;
    }
  });
});
