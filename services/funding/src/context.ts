import type { AuditLog, BaseContext, ReferencedIdsReader } from "@lamplight/subgraph-kit";
import type { DonationRepository } from "./modules/donation/donation.repository.js";
import type { DonationService } from "./modules/donation/donation.service.js";
import type { FundRepository } from "./modules/fund/fund.repository.js";
import type { GrantRepository } from "./modules/grant/grant.repository.js";
import type { GrantService } from "./modules/grant/grant.service.js";
import type { InKindRepository } from "./modules/inkind/inkind.repository.js";
import type { InKindService } from "./modules/inkind/inkind.service.js";
import type { JournalRepository } from "./modules/journal/journal.repository.js";
import type { JournalService } from "./modules/journal/journal.service.js";
import type { PledgeRepository } from "./modules/pledge/pledge.repository.js";
import type { PledgeService } from "./modules/pledge/pledge.service.js";
import type { TraceRepository } from "./modules/trace/trace.repository.js";
import type { KnownReferences } from "./references.js";

/** What this subgraph's resolvers receive. */
export interface FundingContext extends BaseContext {
  funds: FundRepository;
  journal: JournalRepository;
  donations: DonationRepository;
  grants: GrantRepository;
  pledges: PledgeRepository;
  inKind: InKindRepository;
  traces: TraceRepository;
  /** The commands: postings, gifts, pledges and grants, each in its transaction. */
  journalService: JournalService;
  donationService: DonationService;
  pledgeService: PledgeService;
  inKindService: InKindService;
  grantService: GrantService;
  /** The homes, donors and projects funding knows from other subgraphs' events. */
  known: KnownReferences;
  auditLog: AuditLog;
  /** The ids of other subgraphs' records this one names (its references listing). */
  referencedIds: ReferencedIdsReader;
  /** The most one money record may hold, in fen (MAX_GIFT_YUAN × 100): larger input is refused. */
  maxGiftFen: bigint;
}
