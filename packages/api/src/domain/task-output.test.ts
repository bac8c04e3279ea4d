import type { TaskOutput } from "@tesseract/validators";
import { expectTypeOf, it } from "vitest";
import type { Task } from "./task-queries.ts";

it("task procedures' output schema names exactly a Task's fields, so parsing strips none", () => {
  // Checked by the type checker: a field added to the query but not to the schema fails here.
  expectTypeOf<Task>().toEqualTypeOf<TaskOutput>();
});
