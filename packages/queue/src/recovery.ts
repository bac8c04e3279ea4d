import type { Database, Kysely } from "@tesseract/db";

/**
 * Marks as pending again every relayed job that never succeeded and still has attempts left.
 * For a queue that forgot its messages: the embedded emulator keeps them in memory, so jobs
 * relayed before a restart would otherwise be marked sent and never run. Handlers are
 * idempotent, so a job that did run but whose run was not recorded is at worst run again.
 * Resolves with the number of jobs put back.
 */
export async function requeueForgottenJobs(
  db: Kysely<Database>,
  maxReceiveCount: number,
): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ sent_at: null })
    .where("sent_at", "is not", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("job_runs")
            .select("job_runs.id")
            .whereRef("job_runs.job_id", "=", "outbox.id")
            .where("job_runs.status", "=", "succeeded"),
        ),
      ),
    )
    .where(
      (eb) =>
        eb
          .selectFrom("job_runs")
          .select(({ fn }) => fn.countAll<number>().as("n"))
          .whereRef("job_runs.job_id", "=", "outbox.id")
          .where("job_runs.status", "in", ["failed", "abandoned", "invalid"]),
      "<",
      maxReceiveCount,
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
