-- CreateIndex
CREATE INDEX "SiteApplication_applicantOrganisationId_idx" ON "SiteApplication"("applicantOrganisationId");

-- CreateIndex
CREATE INDEX "TenderEvaluator_organisationId_idx" ON "TenderEvaluator"("organisationId");

-- CreateIndex
CREATE INDEX "Bid_vendorOrganisationId_idx" ON "Bid"("vendorOrganisationId");

-- CreateIndex
CREATE INDEX "Contract_vendorOrganisationId_idx" ON "Contract"("vendorOrganisationId");

