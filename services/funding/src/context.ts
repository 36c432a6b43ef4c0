import type { AuditLog, BaseContext } from "@lamplight/subgraph-kit";
import type { DonationRepository } from "./modules/donation/donation.repository.js";
import type { FundRepository } from "./modules/fund/fund.repository.js";
import type { JournalRepository } from "./modules/ledger/journal.repository.js";

/** What this subgraph's resolvers receive. */
export interface FundingContext extends BaseContext {
  funds: FundRepository;
  journal: JournalRepository;
  donations: DonationRepository;
  auditLog: AuditLog;
}
