import { describe, expect, it } from "vitest";
import { bellLabel, unreadBadge } from "./notifications.ts";

describe("the bell", () => {
  it("shows no badge at zero and caps a large count", () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(150)).toBe("99+");
  });

  it("says the count in its accessible name", () => {
    expect(bellLabel(0)).toBe("Notifications");
    expect(bellLabel(3)).toBe("Notifications, 3 unread");
  });
});
