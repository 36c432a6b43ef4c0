-- CreateIndex
CREATE INDEX "Designation_siteId_idx" ON "Designation"("siteId");

-- CreateIndex
CREATE INDEX "Designation_projectId_idx" ON "Designation"("projectId");

-- CreateIndex
CREATE INDEX "Pledge_siteId_idx" ON "Pledge"("siteId");

-- CreateIndex
CREATE INDEX "Pledge_projectId_idx" ON "Pledge"("projectId");

