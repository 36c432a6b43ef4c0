/**
 * The operations the demo partner's systems run (a partner may run registered operations only):
 * access registers them for DEMO_PARTNER_ORGANISATION, and `pnpm schema:check` validates every
 * schema change against them, as against any partner's.
 */
export const DEMO_PARTNER_OPERATIONS: readonly { name: string; document: string }[] = [
  {
    name: "PartnerCityHomes",
    document: `query PartnerCityHomes($region: ID!, $after: String) {
  sites(first: 50, after: $after, filter: { region: $region }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name hostModel capacity childrenCount } }
  }
}`,
  },
  {
    name: "PartnerOwnGifts",
    document: `query PartnerOwnGifts($after: String) {
  donations(first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { receiptNumber receivedOn amount { amount } fund { code } designation { purpose } } }
  }
}`,
  },
  {
    name: "PartnerFundingByCity",
    document: `query PartnerFundingByCity {
  fundingTotals(groupBy: CITY) { key label amount { amount } donations }
}`,
  },
];
