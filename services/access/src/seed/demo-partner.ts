import { DEMO_PARTNER_ORGANISATION } from "@lamplight/seed-kit";

/** What the demo partner's key may read. */
export const DEMO_PARTNER_SCOPES = ["read:funding", "read:sites"];

/** The operations the demo partner's systems run: a partner may run registered operations only. */
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

export const DEMO_PARTNER = { ...DEMO_PARTNER_ORGANISATION, scopes: DEMO_PARTNER_SCOPES };
