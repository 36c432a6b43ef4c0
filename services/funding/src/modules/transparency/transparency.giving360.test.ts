import { describe, expect, it } from "vitest";
import {
  GIVING360_COLUMNS,
  giving360Csv,
  giving360Grant,
  type PublishedGrant,
} from "./transparency.giving360.js";

const GRANT: PublishedGrant = {
  id: "6f1d0000-0000-4000-8000-000000000001",
  reference: "G-LOVE_FUND-2026-6F1D0000",
  title: 'Library, "good books"',
  description: "Books for the home,\nand shelves",
  currency: "CNY",
  amountFen: 12_345_678n,
  disbursedFen: 10_000_000n,
  awardDate: new Date("2026-03-28T00:00:00Z"),
  decidedAt: new Date("2026-03-28T06:30:00Z"),
  recipientKind: "SITE",
  siteId: "06adf337-e817-466e-9150-007fd232b2ce",
  projectId: null,
  regionCode: "510723",
  purpose: "ACTIVITIES",
  fundCode: "LOVE_FUND",
  fundName: "四川省关爱留守学生爱心基金",
};

describe("the 360Giving export", () => {
  it("gives every grant the standard's required fields, amounts exact in yuan", () => {
    expect(giving360Grant(GRANT)).toMatchObject({
      id: "360G-lamplight-G-LOVE_FUND-2026-6F1D0000",
      title: GRANT.title,
      description: GRANT.description,
      currency: "CNY",
      amountAwarded: 123456.78,
      amountDisbursed: 100000,
      awardDate: "2026-03-28",
      recipientOrganization: [
        { id: `360G-lamplight-site-${GRANT.siteId}`, name: expect.stringContaining("盐亭县") },
      ],
      fundingOrganization: [{ id: "360G-lamplight-fund-LOVE_FUND", name: GRANT.fundName }],
      beneficiaryLocation: [{ geoCode: "510723" }],
    });
  });

  it("writes RFC 4180 CSV: the standard's column titles, quoted fields, CRLF", () => {
    const csv = giving360Csv([GRANT]);
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe(GIVING360_COLUMNS.join(","));
    expect(row).toContain(
      '"Library, ""good books""","Books for the home,\nand shelves",CNY,123456.78,100000.00,2026-03-28',
    );
    expect(end).toBe("");
  });
});
