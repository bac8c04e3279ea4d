/** The task.list input the bench's tasks workloads and the raw baseline both use. */
export const TASK_LIST_INPUT = {
  status: ["todo" as const],
  sort: "position" as const,
  order: "asc" as const,
  limit: 50,
};
