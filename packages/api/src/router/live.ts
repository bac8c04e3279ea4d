import {
  liveJobInput,
  liveMeInput,
  liveOrgInput,
  livePositionInput,
  livePositionOutput,
  liveProjectInput,
  livePresenceInput,
  liveTaskInput,
} from "@tesseract/validators";
import {
  jobEvents,
  organizationEvents,
  organizationPosition,
  personalEvents,
  projectEvents,
  taskEvents,
  viewers,
} from "../live/subscriptions.ts";
import { authedProcedure, orgProcedure, router } from "../trpc.ts";

// Subscriptions (WebSocket or SSE): each yields tracked(eventId, event), so a client that
// reconnects with `lastEventId` receives what it missed from the organization's replay buffer.
const READ = { permission: "task.read", rateLimit: "read" } as const;

export const liveRouter = router({
  // One Redis read: where the organization's stream stands, for a page to resume from.
  position: orgProcedure
    .meta({ ...READ, summary: "Where an organization's event stream stands, to resume from" })
    .input(livePositionInput)
    .output(livePositionOutput)
    .query(({ ctx }) => organizationPosition(ctx)),

  org: orgProcedure
    .meta({ ...READ, summary: "Every event in an organization" })
    .input(liveOrgInput)
    .subscription(({ ctx, input, signal }) => organizationEvents(ctx, input, signal)),

  project: orgProcedure
    .meta({ ...READ, summary: "A project's tasks and comments, as they change" })
    .input(liveProjectInput)
    .subscription(({ ctx, input, signal }) => projectEvents(ctx, input, signal)),

  task: orgProcedure
    .meta({ ...READ, summary: "A task's changes, comments and files" })
    .input(liveTaskInput)
    .subscription(({ ctx, input, signal }) => taskEvents(ctx, input, signal)),

  job: orgProcedure
    .meta({ ...READ, summary: "An export's or upload's progress" })
    .input(liveJobInput)
    .subscription(({ ctx, input, signal }) => jobEvents(ctx, input, signal)),

  presence: orgProcedure
    .meta({ ...READ, summary: "Who is viewing a board or a task" })
    .input(livePresenceInput)
    .subscription(({ ctx, input, signal }) => viewers(ctx, input, signal)),

  me: authedProcedure
    .meta({ rateLimit: "read", summary: "Your notifications and membership changes" })
    .input(liveMeInput)
    .subscription(({ ctx, input, signal }) => personalEvents(ctx, input, signal)),
});
