-- CreateIndex
CREATE INDEX "Activity_organiserOrganisationId_idx" ON "Activity"("organiserOrganisationId");

-- CreateIndex
CREATE INDEX "Registration_homeId_idx" ON "Registration"("homeId");

-- CreateIndex
CREATE INDEX "Nomination_studentId_idx" ON "Nomination"("studentId");

-- CreateIndex
CREATE INDEX "Nomination_volunteerId_idx" ON "Nomination"("volunteerId");

-- CreateIndex
CREATE INDEX "Nomination_organisationId_idx" ON "Nomination"("organisationId");

-- CreateIndex
CREATE INDEX "Nomination_nominatorOrganisationId_idx" ON "Nomination"("nominatorOrganisationId");

