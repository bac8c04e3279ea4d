import { randomUUID } from "node:crypto";
import type { Role } from "@tesseract/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSecret, API_TOKEN_PREFIX } from "./auth/secrets.ts";
import { grantPlatformAdmin } from "./domain/platform-admins.ts";
import { appRouter, createCaller } from "./root.ts";
import {
  createTestServices,
  insertTestAttachment,
  insertTestUser,
  testContext,
  type TestServices,
  type TestUser,
} from "./testing.ts";
import { orgProceduresWithoutPermission, proceduresBuiltOn } from "./procedure-audit.ts";
import { adminProcedure, orgProcedure, router } from "./trpc.ts";

/**
 * The authorization matrix, as data: every organization procedure × every role (and a
 * non-member) × own and other organization × session and API token → allowed or the exact
 * error. Each case runs against a fresh organization, so mutations cannot leak into others.
 */

type Caller = ReturnType<typeof createCaller>;
interface Fixture {
  orgId: string;
  otherOrgId: string;
  target: TestUser; // a member (role: member) others act on
  invitationId: string;
  tokenId: string;
  projectId: string;
  taskId: string;
  /** A second task of the project, which `taskId` blocks through `relationId`. */
  otherTaskId: string;
  relationId: string;
  /** A label of the organization, on `taskId`. */
  labelId: string;
  /** A status added to the project's workflow ("Review", started), and its default "Done". */
  statusId: string;
  doneStatusId: string;
  /** Written by the target member, so changing it needs moderation rights. */
  commentId: string;
  /** A finished export of the project, requested by the owner. */
  exportId: string;
  /** A ready file attached by the target member (deleting it needs attachment.manage). */
  attachmentId: string;
  /** An upload the actor started, its bytes in storage, waiting for `complete`. */
  pendingAttachmentId: string;
}
interface Row {
  /** The least role allowed; "none" = no organization role needed (any authenticated caller). */
  least: Role;
  sessionOnly?: boolean;
  call(caller: Caller, orgId: string, f: Fixture): Promise<unknown>;
}

const MATRIX: Record<string, Row> = {
  "org.get": { least: "viewer", call: (c, orgId) => c.org.get({ orgId }) },
  "org.update": {
    least: "admin",
    call: (c, orgId) => c.org.update({ orgId, name: "Renamed Org" }),
  },
  "org.delete": {
    least: "owner",
    sessionOnly: true,
    call: (c, orgId) => c.org.delete({ orgId, confirmName: "Matrix Org" }),
  },
  "member.list": { least: "viewer", call: (c, orgId) => c.member.list({ orgId }) },
  "member.updateRole": {
    least: "admin",
    call: (c, orgId, f) => c.member.updateRole({ orgId, userId: f.target.id, role: "viewer" }),
  },
  "member.remove": {
    least: "admin",
    call: (c, orgId, f) => c.member.remove({ orgId, userId: f.target.id }),
  },
  "member.leave": {
    least: "viewer",
    sessionOnly: true,
    call: (c, orgId) => c.member.leave({ orgId }),
  },
  "invitation.create": {
    least: "admin",
    call: (c, orgId) => c.invitation.create({ orgId, email: "new@example.test", role: "viewer" }),
  },
  "invitation.list": { least: "admin", call: (c, orgId) => c.invitation.list({ orgId }) },
  "invitation.revoke": {
    least: "admin",
    call: (c, orgId, f) => c.invitation.revoke({ orgId, invitationId: f.invitationId }),
  },
  "token.create": {
    least: "member",
    sessionOnly: true,
    call: (c, orgId) => c.token.create({ orgId, name: "ci", role: "viewer", expiresInDays: 30 }),
  },
  "token.list": { least: "viewer", call: (c, orgId) => c.token.list({ orgId }) },
  "token.revoke": {
    least: "admin",
    sessionOnly: true,
    call: (c, orgId, f) => c.token.revoke({ orgId, tokenId: f.tokenId }),
  },
  "activity.list": { least: "admin", call: (c, orgId) => c.activity.list({ orgId }) },
  "project.create": {
    least: "member",
    call: (c, orgId) => c.project.create({ orgId, name: "New", key: "NEW" }),
  },
  "project.list": { least: "viewer", call: (c, orgId) => c.project.list({ orgId }) },
  "project.get": {
    least: "viewer",
    call: (c, orgId, f) => c.project.get({ orgId, projectId: f.projectId }),
  },
  "project.update": {
    least: "member",
    call: (c, orgId, f) => c.project.update({ orgId, projectId: f.projectId, name: "Renamed" }),
  },
  "project.archive": {
    least: "admin",
    call: (c, orgId, f) => c.project.archive({ orgId, projectId: f.projectId }),
  },
  "project.restore": {
    least: "admin",
    call: (c, orgId, f) => c.project.restore({ orgId, projectId: f.projectId }),
  },
  "project.export": {
    least: "member",
    call: (c, orgId, f) => c.project.export({ orgId, projectId: f.projectId, format: "csv" }),
  },
  "export.get": {
    least: "member",
    call: (c, orgId, f) => c.export.get({ orgId, exportId: f.exportId }),
  },
  "export.list": {
    least: "member",
    call: (c, orgId, f) => c.export.list({ orgId, projectId: f.projectId }),
  },
  "export.download": {
    least: "member",
    call: (c, orgId, f) => c.export.download({ orgId, exportId: f.exportId }),
  },
  "project.delete": {
    least: "admin",
    call: (c, orgId, f) => c.project.delete({ orgId, projectId: f.projectId, confirmKey: "MTX" }),
  },
  "task.create": {
    least: "member",
    call: (c, orgId, f) => c.task.create({ orgId, projectId: f.projectId, title: "New task" }),
  },
  "task.get": {
    least: "viewer",
    call: (c, orgId, f) =>
      c.task.get({ orgId, ref: "MTX-1" }).then(() => c.task.get({ orgId, ref: f.taskId })),
  },
  "task.list": {
    least: "viewer",
    call: (c, orgId, f) => c.task.list({ orgId, projectId: f.projectId }),
  },
  "task.counts": {
    least: "viewer",
    call: (c, orgId, f) => c.task.counts({ orgId, projectId: f.projectId }),
  },
  "task.update": {
    least: "member",
    call: (c, orgId, f) => c.task.update({ orgId, taskId: f.taskId, title: "Edited" }),
  },
  "task.move": {
    least: "member",
    call: (c, orgId, f) => c.task.move({ orgId, taskId: f.taskId, status: "done" }),
  },
  "task.delete": {
    least: "member",
    call: (c, orgId, f) => c.task.delete({ orgId, taskId: f.taskId }),
  },
  "task.bulkUpdate": {
    least: "member",
    call: (c, orgId, f) => c.task.bulkUpdate({ orgId, taskIds: [f.taskId], status: "done" }),
  },
  "task.bulkDelete": {
    least: "member",
    call: (c, orgId, f) => c.task.bulkDelete({ orgId, taskIds: [f.taskId] }),
  },
  "task.restore": {
    least: "member",
    call: (c, orgId, f) => c.task.restore({ orgId, taskId: f.taskId }),
  },
  "task.bulkRestore": {
    least: "member",
    call: (c, orgId, f) => c.task.bulkRestore({ orgId, taskIds: [f.taskId] }),
  },
  "task.activity": {
    least: "viewer",
    call: (c, orgId, f) => c.task.activity({ orgId, taskId: f.taskId }),
  },
  "task.search": { least: "viewer", call: (c, orgId) => c.task.search({ orgId, query: "matrix" }) },
  "task.mine": {
    least: "viewer",
    call: (c, orgId) => c.task.mine({ orgId, relation: "subscribed" }),
  },
  "relation.list": {
    least: "viewer",
    call: (c, orgId, f) => c.relation.list({ orgId, taskId: f.taskId }),
  },
  "relation.add": {
    least: "member",
    call: (c, orgId, f) =>
      c.relation.add({ orgId, taskId: f.taskId, kind: "relates_to", otherTaskId: f.otherTaskId }),
  },
  "relation.remove": {
    least: "member",
    call: (c, orgId, f) => c.relation.remove({ orgId, relationId: f.relationId }),
  },
  "label.list": { least: "viewer", call: (c, orgId) => c.label.list({ orgId }) },
  "label.create": {
    least: "member",
    call: (c, orgId) => c.label.create({ orgId, name: "matrix-new", colour: "teal" }),
  },
  "label.update": {
    least: "member",
    call: (c, orgId, f) => c.label.update({ orgId, labelId: f.labelId, name: "renamed" }),
  },
  "label.delete": {
    least: "admin",
    call: (c, orgId, f) => c.label.delete({ orgId, labelId: f.labelId }),
  },
  "status.list": {
    least: "viewer",
    call: (c, orgId, f) => c.status.list({ orgId, projectId: f.projectId }),
  },
  "status.create": {
    least: "admin",
    call: (c, orgId, f) =>
      c.status.create({ orgId, projectId: f.projectId, name: "QA", category: "started" }),
  },
  "status.update": {
    least: "admin",
    call: (c, orgId, f) => c.status.update({ orgId, statusId: f.statusId, name: "Reviewing" }),
  },
  "status.delete": {
    least: "admin",
    call: (c, orgId, f) =>
      c.status.delete({ orgId, statusId: f.statusId, moveTasksTo: f.doneStatusId }),
  },
  "comment.create": {
    least: "member",
    call: (c, orgId, f) => c.comment.create({ orgId, taskId: f.taskId, body: "Hi" }),
  },
  "comment.list": {
    least: "viewer",
    call: (c, orgId, f) => c.comment.list({ orgId, taskId: f.taskId }),
  },
  "comment.update": {
    least: "admin",
    call: (c, orgId, f) => c.comment.update({ orgId, commentId: f.commentId, body: "Edited" }),
  },
  "comment.delete": {
    least: "admin",
    call: (c, orgId, f) => c.comment.delete({ orgId, commentId: f.commentId }),
  },
  "attachment.createUpload": {
    least: "member",
    call: (c, orgId, f) =>
      c.attachment.createUpload({
        orgId,
        taskId: f.taskId,
        fileName: "notes.txt",
        contentType: "text/plain",
        size: 5,
      }),
  },
  "attachment.complete": {
    least: "member",
    call: (c, orgId, f) => c.attachment.complete({ orgId, attachmentId: f.pendingAttachmentId }),
  },
  // Subscriptions: the call resolves once the stream is allowed (nothing is read from it).
  "live.position": { least: "viewer", call: (c, orgId) => c.live.position({ orgId }) },
  "live.org": { least: "viewer", call: (c, orgId) => opened(c.live.org({ orgId })) },
  "live.project": {
    least: "viewer",
    call: (c, orgId, f) => opened(c.live.project({ orgId, projectId: f.projectId })),
  },
  "live.task": {
    least: "viewer",
    call: (c, orgId, f) => opened(c.live.task({ orgId, taskId: f.taskId })),
  },
  "live.presence": {
    least: "viewer",
    call: (c, orgId, f) => opened(c.live.presence({ orgId, scope: { taskId: f.taskId } })),
  },
  // An export's progress is for those who may export; an upload's for every reader.
  "live.job": {
    least: "member",
    call: (c, orgId, f) =>
      opened(c.live.job({ orgId, kind: "attachment", id: f.attachmentId })).then(() =>
        opened(c.live.job({ orgId, kind: "export", id: f.exportId })),
      ),
  },
  "attachment.list": {
    least: "viewer",
    call: (c, orgId, f) => c.attachment.list({ orgId, taskId: f.taskId }),
  },
  "attachment.download": {
    least: "viewer",
    call: (c, orgId, f) => c.attachment.download({ orgId, attachmentId: f.attachmentId }),
  },
  "attachment.delete": {
    least: "admin",
    call: (c, orgId, f) => c.attachment.delete({ orgId, attachmentId: f.attachmentId }),
  },
  // One's own notifications: any member; the rows are the caller's alone (notification-inbox.test.ts).
  "notification.list": { least: "viewer", call: (c, orgId) => c.notification.list({ orgId }) },
  "notification.unreadCount": {
    least: "viewer",
    call: (c, orgId) => c.notification.unreadCount({ orgId }),
  },
  "notification.markRead": {
    least: "viewer",
    call: (c, orgId) => c.notification.markRead({ orgId, notificationIds: [randomUUID()] }),
  },
  "notification.markAllRead": {
    least: "viewer",
    call: (c, orgId) => c.notification.markAllRead({ orgId }),
  },
  "watch.status": {
    least: "viewer",
    call: (c, orgId, f) => c.watch.status({ orgId, taskId: f.taskId }),
  },
  "watch.watch": {
    least: "viewer",
    call: (c, orgId, f) => c.watch.watch({ orgId, taskId: f.taskId }),
  },
  "watch.unwatch": {
    least: "viewer",
    call: (c, orgId, f) => c.watch.unwatch({ orgId, taskId: f.taskId }),
  },
  // Anyone who reads tasks keeps views; changing one is its owner's (router/view.test.ts).
  "view.list": {
    least: "viewer",
    call: (c, orgId, f) => c.view.list({ orgId, projectId: f.projectId }),
  },
  "view.create": {
    least: "viewer",
    call: (c, orgId, f) =>
      c.view.create({
        orgId,
        projectId: f.projectId,
        name: "Urgent",
        filters: { priority: ["urgent"] },
      }),
  },
  "view.update": {
    least: "viewer",
    call: async (c, orgId) => {
      const view = await c.view.create({ orgId, name: "Mine", filters: { relation: "assigned" } });
      return c.view.update({ orgId, viewId: view.id, shared: true });
    },
  },
  "view.delete": {
    least: "viewer",
    call: async (c, orgId) => {
      const view = await c.view.create({ orgId, name: "Gone soon", filters: {} });
      return c.view.delete({ orgId, viewId: view.id });
    },
  },
};

/**
 * Platform-admin procedures (built on adminProcedure): allowed only to a platform admin's
 * session; a plain account and any API token (even an admin's) get FORBIDDEN, signed out
 * UNAUTHORIZED. The completeness check below finds every procedure built on adminProcedure.
 */
const ADMIN_MATRIX: Record<string, (caller: Caller) => Promise<unknown>> = {
  "system.runtime": (c) => c.system.runtime(),
  "admin.jobs.list": (c) => c.admin.jobs.list({}),
  "admin.jobs.failed": (c) => c.admin.jobs.failed({}),
  "admin.deadLetters.list": (c) => c.admin.deadLetters.list(),
  "admin.deadLetters.retry": (c) => c.admin.deadLetters.retry({ all: true }),
};

/** Procedures that act on no organization; covered by their own suites. */
/** A subscription that was allowed: closed again without reading from it. */
async function opened(stream: Promise<AsyncIterable<unknown>>): Promise<void> {
  const iterator = (await stream)[Symbol.asyncIterator]();
  await iterator.return?.();
}

const NOT_ORG_SCOPED = new Set([
  // The caller's own stream (notifications, memberships): any signed-in person.
  "live.me",
  "system.health",
  "system.info",
  "auth.signUp",
  "auth.signIn",
  "auth.signOut",
  "auth.me",
  "auth.updateProfile",
  "auth.changePassword",
  "auth.requestPasswordReset",
  "auth.resetPassword",
  "auth.verifyEmail",
  "auth.resendVerification",
  "session.list",
  "session.revoke",
  "org.create",
  "org.list",
  "invitation.preview",
  "invitation.accept",
  "dev.inbox",
  "dev.seedDemo",
  // Development only (NOT_FOUND in production, router/dev.test.ts): no tenant data but the jobs list.
  "dev.traces",
  "dev.trace",
  "dev.slowest",
  "dev.jobs",
  // A person's own data export (sessions only; ownership is tested in router/export.test.ts).
  "account.exportData",
  "account.exportGet",
  "account.exportList",
  "account.exportDownload",
  // A person's own email settings, across organizations (sessions only).
  "notification.settings",
  "notification.updateSettings",
]);

const RANK: Record<Role, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };
const ROLES: (Role | "non-member")[] = ["owner", "admin", "member", "viewer", "non-member"];

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await services.close();
});

async function makeOrg(name: string, owner: TestUser): Promise<string> {
  const org = await createCaller(
    testContext(services, { headers: { cookie: owner.cookie } }),
  ).org.create({ name });
  return org.id;
}

async function addMember(orgId: string, user: TestUser, role: Role) {
  await services.db
    .insertInto("memberships")
    .values({ org_id: orgId, user_id: user.id, role })
    .execute();
}

async function insertToken(
  orgId: string,
  user: TestUser,
  role: Role,
): Promise<{ id: string; secret: string }> {
  const { secret, hash } = newSecret(API_TOKEN_PREFIX);
  const row = await services.db
    .insertInto("api_tokens")
    .values({
      org_id: orgId,
      user_id: user.id,
      name: "matrix",
      role,
      token_hash: hash,
      prefix: secret.slice(0, 12),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, secret };
}

/** A fresh organization with the acting user at `role`, a second owner, a member to act on, and another organization. */
async function setUp(role: Role | "non-member") {
  const actor = await insertTestUser(services, "Actor");
  const owner = await insertTestUser(services, "Owner");
  const target = await insertTestUser(services, "Target");
  const orgId = await makeOrg("Matrix Org", owner);
  const otherOrgId = await makeOrg("Other Org", actor); // the actor owns another organization
  if (role !== "non-member") await addMember(orgId, actor, role);
  await addMember(orgId, target, "member");
  const ownerCaller = createCaller(testContext(services, { headers: { cookie: owner.cookie } }));
  const invitation = await ownerCaller.invitation.create({
    orgId,
    email: "pending@example.test",
    role: "member",
  });
  const targetToken = await insertToken(orgId, target, "member");
  const project = await ownerCaller.project.create({ orgId, name: "Matrix", key: "MTX" });
  const label = await ownerCaller.label.create({ orgId, name: "matrix", colour: "blue" });
  const task = await ownerCaller.task.create({
    orgId,
    projectId: project.id,
    title: "Matrix task",
    labelIds: [label.id],
  });
  const otherTask = await ownerCaller.task.create({
    orgId,
    projectId: project.id,
    title: "Matrix sub-task",
    parentId: task.id,
  });
  const relation = await ownerCaller.relation.add({
    orgId,
    taskId: task.id,
    kind: "blocks",
    otherTaskId: otherTask.id,
  });
  const status = await ownerCaller.status.create({
    orgId,
    projectId: project.id,
    name: "Review",
    category: "started",
  });
  const done = (await ownerCaller.status.list({ orgId, projectId: project.id })).find(
    (s) => s.category === "completed",
  )!;
  // A finished export (its file is never fetched here: a presigned link is all the matrix needs).
  const exported = await services.db
    .insertInto("exports")
    .values({
      org_id: orgId,
      project_id: project.id,
      requested_by: owner.id,
      kind: "project",
      format: "csv",
      status: "ready",
      file_name: "MTX-tasks.csv",
      s3_key: `org/${orgId}/exports/matrix.csv`,
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const targetCaller = createCaller(testContext(services, { headers: { cookie: target.cookie } }));
  const comment = await targetCaller.comment.create({
    orgId,
    taskId: task.id,
    body: "By the target",
  });
  // For the "other organization" cases the actor is in a second org it owns, so tokens exist there.
  const actorToken = await insertToken(
    role === "non-member" ? otherOrgId : orgId,
    actor,
    role === "non-member" ? "owner" : role,
  );
  return {
    actor,
    fixture: {
      orgId,
      otherOrgId,
      target,
      invitationId: invitation.id,
      tokenId: targetToken.id,
      projectId: project.id,
      taskId: task.id,
      otherTaskId: otherTask.id,
      relationId: relation.id,
      labelId: label.id,
      statusId: status.id,
      doneStatusId: done.id,
      commentId: comment.id,
      exportId: exported.id,
      attachmentId: (
        await insertTestAttachment(services, {
          orgId,
          taskId: task.id,
          uploaderId: target.id,
          status: "ready",
        })
      ).id,
      pendingAttachmentId: (
        await insertTestAttachment(services, {
          orgId,
          taskId: task.id,
          uploaderId: actor.id,
          status: "pending",
        })
      ).id,
    },
    actorToken,
  };
}

function expected(row: Row, role: Role | "non-member", auth: "session" | "token"): string {
  if (role === "non-member") return "NOT_FOUND";
  if (row.sessionOnly && auth === "token") return "FORBIDDEN";
  return RANK[role] >= RANK[row.least] ? "ok" : "FORBIDDEN";
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe("platform-admin matrix", () => {
  for (const [name, call] of Object.entries(ADMIN_MATRIX)) {
    it(`${name}: a platform admin's session → ok; its API token, a plain account, signed out → refused`, async () => {
      const admin = await insertTestUser(services, "Operator");
      await grantPlatformAdmin(services.db, admin.email);
      const person = await insertTestUser(services, "Person");
      const orgId = await makeOrg("Admin Org", admin);
      const adminToken = await insertToken(orgId, admin, "owner");
      const as = (headers: Record<string, string>) =>
        createCaller(testContext(services, { headers }));
      expect(await outcome(call(as({ cookie: admin.cookie })))).toBe("ok");
      expect(await outcome(call(as({ authorization: `Bearer ${adminToken.secret}` })))).toBe(
        "FORBIDDEN",
      );
      expect(await outcome(call(as({ cookie: person.cookie })))).toBe("FORBIDDEN");
      expect(await outcome(call(as({})))).toBe("UNAUTHORIZED");
    });
  }
});

describe("authorization matrix", () => {
  it("has a row for every procedure that acts on an organization", () => {
    const procedures = Object.keys(appRouter._def.procedures);
    const missing = procedures.filter(
      (p) => !(p in MATRIX) && !(p in ADMIN_MATRIX) && !NOT_ORG_SCOPED.has(p),
    );
    expect(missing, "add these procedures to MATRIX, ADMIN_MATRIX or NOT_ORG_SCOPED").toEqual([]);
    for (const name of Object.keys(MATRIX)) expect(procedures).toContain(name);
  });

  it("lists exactly the procedures built on adminProcedure in ADMIN_MATRIX", () => {
    const builtOnAdmin = proceduresBuiltOn(appRouter, adminProcedure);
    expect(builtOnAdmin).toEqual(Object.keys(ADMIN_MATRIX).sort());
    for (const name of builtOnAdmin) expect(NOT_ORG_SCOPED.has(name), name).toBe(false);
  });

  it("has every procedure built on orgProcedure in MATRIX, each naming its permission", () => {
    const builtOnOrg = proceduresBuiltOn(appRouter, orgProcedure);
    expect(builtOnOrg).toEqual(Object.keys(MATRIX).sort());
    expect(orgProceduresWithoutPermission(appRouter, orgProcedure)).toEqual([]);
  });

  it("the permission check catches an organization procedure that names none", () => {
    const withGap = router({
      org: router({
        named: orgProcedure.meta({ permission: "org.read" }).query(() => "ok"),
        unnamed: orgProcedure.query(() => "ok"),
        summaryOnly: orgProcedure.meta({ summary: "no permission here" }).query(() => "ok"),
      }),
    });
    expect(proceduresBuiltOn(withGap, orgProcedure)).toEqual([
      "org.named",
      "org.summaryOnly",
      "org.unnamed",
    ]);
    expect(orgProceduresWithoutPermission(withGap, orgProcedure)).toEqual([
      "org.summaryOnly",
      "org.unnamed",
    ]);
  });

  for (const [name, row] of Object.entries(MATRIX)) {
    for (const role of ROLES) {
      for (const auth of ["session", "token"] as const) {
        it(`${name} · ${role} · own organization · ${auth} → ${expected(row, role, auth)}`, async () => {
          const { actor, fixture, actorToken } = await setUp(role);
          const headers =
            auth === "session"
              ? { cookie: actor.cookie }
              : { authorization: `Bearer ${actorToken.secret}` };
          const caller = createCaller(testContext(services, { headers }));
          expect(await outcome(row.call(caller, fixture.orgId, fixture))).toBe(
            expected(row, role, auth),
          );
        });
      }
    }
    it(`${name} · a member of another organization (session and token) → NOT_FOUND`, async () => {
      // The actor owns otherOrg; acting on otherOrg's sibling where it has no membership.
      const { actor, fixture } = await setUp("non-member");
      const token = await insertToken(fixture.otherOrgId, actor, "owner");
      for (const headers of [
        { cookie: actor.cookie },
        { authorization: `Bearer ${token.secret}` },
      ]) {
        const caller = createCaller(testContext(services, { headers }));
        expect(await outcome(row.call(caller, fixture.orgId, fixture))).toBe("NOT_FOUND");
      }
    });
    it(`${name} · a token of this organization used for another → NOT_FOUND`, async () => {
      const { actor, fixture } = await setUp("owner");
      const token = await insertToken(fixture.orgId, actor, "owner");
      const caller = createCaller(
        testContext(services, { headers: { authorization: `Bearer ${token.secret}` } }),
      );
      expect(await outcome(row.call(caller, fixture.otherOrgId, fixture))).toBe("NOT_FOUND");
    });
    it(`${name} · signed out → UNAUTHORIZED`, async () => {
      const { fixture } = await setUp("owner");
      expect(
        await outcome(row.call(createCaller(testContext(services)), fixture.orgId, fixture)),
      ).toBe("UNAUTHORIZED");
    });
  }
});

/**
 * Procedures that take the id of something a person owns (a session, a token, a comment, an
 * invitation): knowing the id is never enough. The owner (or a role that may act for others)
 * succeeds; anyone else gets NOT_FOUND or FORBIDDEN and the thing is unchanged.
 */
describe("ownership of what a procedure names by id", () => {
  const as = (user: TestUser) =>
    createCaller(testContext(services, { headers: { cookie: user.cookie } }));

  it("session.revoke ends only the caller's own sessions", async () => {
    const victim = await insertTestUser(services, "Victim");
    const attacker = await insertTestUser(services, "Attacker");
    const [victimSession] = await as(victim).session.list();
    expect(await outcome(as(attacker).session.revoke({ sessionId: victimSession!.id }))).toBe(
      "NOT_FOUND",
    );
    expect((await as(victim).auth.me()).user.id).toBe(victim.id);
    expect(await as(attacker).session.revoke({ allOthers: true })).toEqual({ ended: 0 });
    expect((await as(victim).auth.me()).user.id).toBe(victim.id);
    const second = await services.sessions.create(victim.id, { ip: null, userAgent: null });
    expect(await as(victim).session.revoke({ sessionId: second.session.id })).toEqual({
      ended: 1,
    });
  });

  it("token.revoke: a member revokes their own token, not another organization's", async () => {
    const { fixture } = await setUp("owner");
    const target = as(fixture.target);
    const otherOwner = await insertTestUser(services, "Other owner");
    const elsewhere = await makeOrg("Elsewhere", otherOwner);
    const foreign = await insertToken(elsewhere, otherOwner, "owner");
    expect(await outcome(target.token.revoke({ orgId: fixture.orgId, tokenId: foreign.id }))).toBe(
      "NOT_FOUND",
    );
    const row = await services.db
      .selectFrom("api_tokens")
      .select("revoked_at")
      .where("id", "=", foreign.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
    expect(await target.token.revoke({ orgId: fixture.orgId, tokenId: fixture.tokenId })).toEqual({
      ok: true,
    });
  });

  it("comment.update/delete: the author may, another member may not, nor another organization", async () => {
    const { fixture } = await setUp("owner");
    const other = await insertTestUser(services, "Other member");
    await addMember(fixture.orgId, other, "member");
    expect(
      await outcome(
        as(other).comment.update({ orgId: fixture.orgId, commentId: fixture.commentId, body: "x" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(
        as(other).comment.delete({ orgId: fixture.orgId, commentId: fixture.commentId }),
      ),
    ).toBe("FORBIDDEN");
    // An owner of another organization naming this comment under their own organization.
    const outsider = await insertTestUser(services, "Outsider");
    const outsiderOrg = await makeOrg("Outsider Org", outsider);
    expect(
      await outcome(
        as(outsider).comment.delete({ orgId: outsiderOrg, commentId: fixture.commentId }),
      ),
    ).toBe("NOT_FOUND");
    const author = as(fixture.target);
    const edited = await author.comment.update({
      orgId: fixture.orgId,
      commentId: fixture.commentId,
      body: "Edited by its author",
    });
    expect(edited.body).toBe("Edited by its author");
    expect(
      await author.comment.delete({ orgId: fixture.orgId, commentId: fixture.commentId }),
    ).toEqual({ ok: true });
  });

  it("attachments: another organization can neither list, download, complete nor delete them", async () => {
    const { fixture, actor } = await setUp("owner");
    const outsider = await insertTestUser(services, "Outsider");
    const outsiderOrg = await makeOrg("Outsider Org", outsider);
    const stranger = as(outsider);
    const named = { orgId: outsiderOrg, attachmentId: fixture.attachmentId };
    expect(
      await outcome(stranger.attachment.list({ orgId: outsiderOrg, taskId: fixture.taskId })),
    ).toBe("NOT_FOUND");
    expect(await outcome(stranger.attachment.download(named))).toBe("NOT_FOUND");
    expect(await outcome(stranger.attachment.download({ ...named, variant: "thumbnail" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(stranger.attachment.delete(named))).toBe("NOT_FOUND");
    expect(
      await outcome(
        stranger.attachment.complete({
          orgId: outsiderOrg,
          attachmentId: fixture.pendingAttachmentId,
        }),
      ),
    ).toBe("NOT_FOUND");
    const rows = await services.db
      .selectFrom("attachments")
      .select(["status", "storage_key"])
      .where("id", "in", [fixture.attachmentId, fixture.pendingAttachmentId])
      .orderBy("status")
      .execute();
    expect(rows.map((r) => r.status)).toEqual(["pending", "ready"]);
    for (const row of rows) expect(await services.storage.head(row.storage_key)).toBeDefined();
    // The organization's own people still can.
    expect(
      await as(actor).attachment.complete({
        orgId: fixture.orgId,
        attachmentId: fixture.pendingAttachmentId,
      }),
    ).toMatchObject({ status: "ready" });
  });

  it("live.job: another organization's export or upload, or none at all, is NOT_FOUND", async () => {
    const { fixture } = await setUp("owner");
    const outsider = await insertTestUser(services, "Outsider");
    const outsiderOrg = await makeOrg("Outsider Org", outsider);
    const stranger = as(outsider);
    for (const [kind, id] of [
      ["export", fixture.exportId],
      ["attachment", fixture.attachmentId],
      ["attachment", fixture.pendingAttachmentId],
      ["export", randomUUID()],
      ["attachment", randomUUID()],
    ] as const) {
      expect(await outcome(opened(stranger.live.job({ orgId: outsiderOrg, kind, id }))), kind).toBe(
        "NOT_FOUND",
      );
    }
    // Each kind names its own table: an upload's id is no export.
    const owner = as(fixture.target);
    expect(
      await outcome(
        opened(owner.live.job({ orgId: fixture.orgId, kind: "export", id: fixture.attachmentId })),
      ),
    ).toBe("NOT_FOUND");
  });

  it("task.get by a key a task had before it moved: never from another organization", async () => {
    const owner = await insertTestUser(services, "Mover");
    const orgA = await makeOrg("Mover Org", owner);
    const from = await as(owner).project.create({ orgId: orgA, name: "From", key: "ALF" });
    const to = await as(owner).project.create({ orgId: orgA, name: "To", key: "ALT" });
    const task = await as(owner).task.create({ orgId: orgA, projectId: from.id, title: "Moved" });
    await as(owner).task.bulkUpdate({ orgId: orgA, taskIds: [task.id], projectId: to.id });
    expect((await as(owner).task.get({ orgId: orgA, ref: "ALF-1" })).key).toBe("ALT-1");

    const outsider = await insertTestUser(services, "Outsider");
    const orgB = await makeOrg("Outsider Org", outsider);
    // A project of the same key in the other organization does not make the alias its own.
    await as(outsider).project.create({ orgId: orgB, name: "Same key", key: "ALF" });
    for (const ref of ["ALF-1", "ALT-1"]) {
      expect(await outcome(as(outsider).task.get({ orgId: orgB, ref }))).toBe("NOT_FOUND");
      expect(await outcome(as(outsider).task.get({ orgId: orgA, ref }))).toBe("NOT_FOUND");
    }
  });

  it("invitation.revoke: an admin of another organization cannot revoke this one's", async () => {
    const { fixture } = await setUp("owner");
    const outsider = await insertTestUser(services, "Outsider");
    const outsiderOrg = await makeOrg("Outsider Org", outsider);
    expect(
      await outcome(
        as(outsider).invitation.revoke({ orgId: outsiderOrg, invitationId: fixture.invitationId }),
      ),
    ).toBe("NOT_FOUND");
    const row = await services.db
      .selectFrom("invitations")
      .select("revoked_at")
      .where("id", "=", fixture.invitationId)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });
});
