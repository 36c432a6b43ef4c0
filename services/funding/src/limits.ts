/**
 * The most one money record may hold, in yuan, unless configured otherwise (MAX_GIFT_YUAN): a
 * gift, a pledge and each of its instalments, a gift in kind's estimated value, a grant, a
 * payment or a report of spending. The programme's largest gifts were 4,000,000 yuan (a
 * provincial power company, a property group) and all 21 cities raised 115,000,000 in total, so
 * fifty million yuan in one record is a typing error (a slip of zeros), not a donor.
 */
export const DEFAULT_MAX_GIFT_YUAN = 50_000_000;

/** The highest MAX_GIFT_YUAN may be set: its fen must stay a safe integer (2^53 − 1). */
export const HIGHEST_MAX_GIFT_YUAN = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** Fen per yuan. */
export const FEN_PER_YUAN = 100n;
