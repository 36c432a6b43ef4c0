/** Shared by this service's tests: the grant operations. */
export const PROPOSE_GRANT = /* GraphQL */ `
  mutation Propose($input: ProposeGrantInput!) {
    proposeGrant(input: $input) {
      id reference status purpose recipientKind title awardDate
      amount { fen amount } disbursed { fen } reportedSpent { fen }
      fund { code } site { id } project { id } region { code }
    }
  }
`;

export const APPROVE_GRANT = /* GraphQL */ `
  mutation Approve($id: ID!, $note: String) {
    approveGrant(id: $id, note: $note) { id status awardDate decidedAt amount { fen } }
  }
`;

export const DISBURSE_GRANT = /* GraphQL */ `
  mutation Disburse($input: DisburseGrantInput!) {
    disburseGrant(input: $input) { id paidOn amount { fen } grant { id disbursed { fen } } }
  }
`;

export const REPORT_EXPENDITURE = /* GraphQL */ `
  mutation Report($input: ReportExpenditureInput!) {
    reportGrantExpenditure(input: $input) { id spentOn category amount { fen } grant { reportedSpent { fen } } }
  }
`;

let keys = 0;
/** A fresh idempotency key. */
export const key = (prefix = "grant") => {
  keys += 1;
  return `${prefix}-${process.pid}-${keys}`;
};

/** A grant of `yuan` to a home, drawn on the fund's money for `purpose` unless overridden. */
export function grantInput(overrides: Record<string, unknown> = {}, yuan = 1000) {
  return {
    idempotencyKey: key(),
    fundCode: "LOVE_FUND",
    designation: { purpose: "BUILDING_HOMES" },
    recipientKind: "SITE",
    siteId: "b0000000-0000-4000-8000-000000000001",
    regionCode: "510703",
    title: "东林村留守学生之家建设",
    description: "新建活动室与自习室",
    amount: { fen: yuan * 100 },
    ...overrides,
  };
}
