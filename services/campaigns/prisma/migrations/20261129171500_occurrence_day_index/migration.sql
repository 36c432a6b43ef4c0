-- A home's activities within a day range read the occurrences of those days from this index alone.
CREATE INDEX "Occurrence_date_activityId_idx" ON "Occurrence"("date", "activityId");
