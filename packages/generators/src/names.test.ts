import { describe, expect, it } from "vitest";
import { kebabCase, pascalCase, plural, singular, words } from "./names.js";

describe("names", () => {
  it("singularise and pluralise the common English endings", () => {
    expect(["notices", "inquiries", "boxes", "matches", "news", "staff", "days"].map(singular)).toEqual([
      "notice",
      "inquiry",
      "box",
      "match",
      "new",
      "staff",
      "day",
    ]);
    expect(["Notice", "Inquiry", "Box", "Match", "Day", "HomeVisit"].map(plural)).toEqual([
      "Notices",
      "Inquiries",
      "Boxes",
      "Matches",
      "Days",
      "HomeVisits",
    ]);
  });

  it("case an entity for classes, files and prose", () => {
    expect(pascalCase("notice")).toBe("Notice");
    expect(pascalCase("homeVisit")).toBe("HomeVisit");
    expect(kebabCase("HomeVisit")).toBe("home-visit");
    expect(words("HomeVisit")).toBe("home visit");
  });
});
