-- CreateEnum
CREATE TYPE "SiteKind" AS ENUM ('HOME', 'MOBILE_LIBRARY', 'ACTIVITY_CENTRE');

-- CreateEnum
CREATE TYPE "ReviewLevel" AS ENUM ('COUNTY', 'CITY', 'PROVINCE');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "TenderPurpose" AS ENUM ('CONSTRUCTION', 'EQUIPMENT');

-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('SCORED', 'PRICE');

-- CreateEnum
CREATE TYPE "ShipmentStatus" AS ENUM ('ORDERED', 'SHIPPED', 'DELIVERED', 'INSTALLED');

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "kind" "SiteKind" NOT NULL DEFAULT 'HOME';

-- CreateTable
CREATE TABLE "SiteTransition" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "fromStatus" "SiteStatus",
    "toStatus" "SiteStatus" NOT NULL,
    "actorId" TEXT,
    "actorRoles" TEXT[],
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteApplication" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "applicantOrganisationId" UUID NOT NULL,
    "hostModel" "HostModel" NOT NULL,
    "proposedAddress" TEXT NOT NULL,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "proposedCapacity" INTEGER NOT NULL,
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "sizeBytes" INTEGER,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationReview" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "level" "ReviewLevel" NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comments" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tender" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" "TenderPurpose" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderLot" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "siteId" UUID,

    CONSTRAINT "TenderLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderCriterion" (
    "id" UUID NOT NULL,
    "tenderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL,
    "weight" INTEGER NOT NULL,

    CONSTRAINT "TenderCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenderEvaluator" (
    "tenderId" UUID NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "organisationId" UUID,

    CONSTRAINT "TenderEvaluator_pkey" PRIMARY KEY ("tenderId","evaluatorId")
);

-- CreateTable
CREATE TABLE "Bid" (
    "id" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "vendorOrganisationId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "submittedBy" TEXT,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BidScore" (
    "bidId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "scoredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BidScore_pkey" PRIMARY KEY ("bidId","criterionId","evaluatorId")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "lotId" UUID NOT NULL,
    "bidId" UUID NOT NULL,
    "vendorOrganisationId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'CNY',
    "awardedBy" TEXT,
    "awardedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquipmentItem" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "minimumCount" INTEGER NOT NULL,
    "sixOnes" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "EquipmentItem_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "InventoryItem" (
    "siteId" UUID NOT NULL,
    "itemCode" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InventoryItem_pkey" PRIMARY KEY ("siteId","itemCode")
);

-- CreateTable
CREATE TABLE "ProcurementOrder" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "contractId" UUID,
    "createdBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcurementOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shipment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "status" "ShipmentStatus" NOT NULL DEFAULT 'ORDERED',
    "shippedAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "installedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShipmentLine" (
    "shipmentId" UUID NOT NULL,
    "itemCode" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ShipmentLine_pkey" PRIMARY KEY ("shipmentId","itemCode")
);

-- CreateTable
CREATE TABLE "AssessmentCriterion" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "maxScore" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssessmentCriterion_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "cityCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "ReviewLevel" NOT NULL,
    "total" INTEGER NOT NULL,
    "comments" TEXT NOT NULL,
    "assessorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "assessmentId" UUID NOT NULL,
    "criterionCode" TEXT NOT NULL,
    "score" INTEGER NOT NULL,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("assessmentId","criterionCode")
);

-- CreateTable
CREATE TABLE "ExcellentHome" (
    "year" INTEGER NOT NULL,
    "siteId" UUID NOT NULL,
    "citation" TEXT NOT NULL,
    "selectedBy" TEXT,
    "selectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExcellentHome_pkey" PRIMARY KEY ("year","siteId")
);

-- CreateTable
CREATE TABLE "RouteStop" (
    "librarySiteId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "homeSiteId" UUID NOT NULL,

    CONSTRAINT "RouteStop_pkey" PRIMARY KEY ("librarySiteId","position")
);

-- CreateIndex
CREATE INDEX "SiteTransition_siteId_at_id_idx" ON "SiteTransition"("siteId", "at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SiteApplication_siteId_key" ON "SiteApplication"("siteId");

-- CreateIndex
CREATE INDEX "ApplicationDocument_applicationId_addedAt_id_idx" ON "ApplicationDocument"("applicationId", "addedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationReview_applicationId_level_key" ON "ApplicationReview"("applicationId", "level");

-- CreateIndex
CREATE INDEX "Tender_regionCode_createdAt_id_idx" ON "Tender"("regionCode", "createdAt", "id");

-- CreateIndex
CREATE INDEX "TenderLot_siteId_idx" ON "TenderLot"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "TenderLot_tenderId_number_key" ON "TenderLot"("tenderId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "TenderCriterion_tenderId_position_key" ON "TenderCriterion"("tenderId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Bid_lotId_vendorOrganisationId_key" ON "Bid"("lotId", "vendorOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_lotId_key" ON "Contract"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_bidId_key" ON "Contract"("bidId");

-- CreateIndex
CREATE UNIQUE INDEX "EquipmentItem_position_key" ON "EquipmentItem"("position");

-- CreateIndex
CREATE INDEX "Shipment_siteId_idx" ON "Shipment"("siteId");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_orderId_siteId_key" ON "Shipment"("orderId", "siteId");

-- CreateIndex
CREATE UNIQUE INDEX "AssessmentCriterion_position_key" ON "AssessmentCriterion"("position");

-- CreateIndex
CREATE INDEX "Assessment_year_cityCode_idx" ON "Assessment"("year", "cityCode");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_siteId_year_level_key" ON "Assessment"("siteId", "year", "level");

-- CreateIndex
CREATE UNIQUE INDEX "RouteStop_librarySiteId_homeSiteId_key" ON "RouteStop"("librarySiteId", "homeSiteId");

-- AddForeignKey
ALTER TABLE "ApplicationDocument" ADD CONSTRAINT "ApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SiteApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationReview" ADD CONSTRAINT "ApplicationReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SiteApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderLot" ADD CONSTRAINT "TenderLot_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderCriterion" ADD CONSTRAINT "TenderCriterion_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenderEvaluator" ADD CONSTRAINT "TenderEvaluator_tenderId_fkey" FOREIGN KEY ("tenderId") REFERENCES "Tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "TenderLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BidScore" ADD CONSTRAINT "BidScore_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "TenderLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_bidId_fkey" FOREIGN KEY ("bidId") REFERENCES "Bid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ProcurementOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentLine" ADD CONSTRAINT "ShipmentLine_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database keeps, whatever the code does.
ALTER TABLE "TenderCriterion" ADD CONSTRAINT "TenderCriterion_weight_positive" CHECK ("weight" > 0);
ALTER TABLE "Bid" ADD CONSTRAINT "Bid_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "BidScore" ADD CONSTRAINT "BidScore_score_range" CHECK ("score" BETWEEN 0 AND 100);
ALTER TABLE "InventoryItem" ADD CONSTRAINT "InventoryItem_count_not_negative" CHECK ("count" >= 0);
ALTER TABLE "ShipmentLine" ADD CONSTRAINT "ShipmentLine_count_positive" CHECK ("count" > 0);
ALTER TABLE "AssessmentScore" ADD CONSTRAINT "AssessmentScore_score_not_negative" CHECK ("score" >= 0);
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_level_county_or_city" CHECK ("level" IN ('COUNTY', 'CITY'));

-- A site's history is append-only, like the audit log.
CREATE FUNCTION "site_transition_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a site''s history is append-only';
END;
$$;

CREATE TRIGGER "SiteTransition_append_only"
  BEFORE UPDATE OR DELETE ON "SiteTransition"
  FOR EACH ROW EXECUTE FUNCTION "site_transition_is_append_only"();

-- Sites registered before transitions were kept start their history with their current status.
INSERT INTO "SiteTransition" ("id", "siteId", "fromStatus", "toStatus", "actorId", "actorRoles", "reason", "at")
SELECT gen_random_uuid(), "id", NULL, "status", NULL, '{}', 'Status recorded before transitions were kept', "createdAt"
FROM "Site";

-- The province's construction standard for every home: the "six ones" and the rest.
INSERT INTO "EquipmentItem" ("code", "name", "category", "minimumCount", "sixOnes", "position") VALUES
  ('TV', '电视机', 'AUDIOVISUAL', 1, true, 1),
  ('COMPUTER', '电脑', 'COMMUNICATION', 1, true, 2),
  ('DVD_PLAYER', 'DVD播放机', 'AUDIOVISUAL', 1, true, 3),
  ('FAMILY_PHONE', '亲情电话', 'COMMUNICATION', 1, true, 4),
  ('BOOKCASE', '图书柜', 'READING', 1, true, 5),
  ('SPORTS_SET', '文体器材', 'SPORTS', 1, true, 6),
  ('BOOKS', '图书（册）', 'READING', 300, false, 7),
  ('DESK', '课桌', 'STUDY', 10, false, 8),
  ('CHAIR', '椅子', 'STUDY', 20, false, 9),
  ('FIRE_EXTINGUISHER', '灭火器', 'SAFETY', 2, false, 10),
  ('FIRST_AID_KIT', '急救箱', 'SAFETY', 1, false, 11);

-- What each home is assessed against every year; the maxima add up to 100.
INSERT INTO "AssessmentCriterion" ("code", "name", "maxScore", "position") VALUES
  ('SAFETY', '安全管理', 25, 1),
  ('CARE', '关爱服务', 25, 2),
  ('ACTIVITIES', '活动开展', 20, 3),
  ('FACILITIES', '设施设备', 15, 4),
  ('RECORDS', '档案管理', 15, 5);
