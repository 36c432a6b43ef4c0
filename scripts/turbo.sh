#!/bin/sh
# Every root script runs turbo through this file, so that no tool reports to its vendor by
# default: Turborepo's telemetry (and the notice it greets a first run with), Prisma's update
# check (its CLI runs in db:generate and migrations) and any tool honouring DO_NOT_TRACK.
# The gateway turns Apollo's data collection off itself (apps/gateway/src/server.ts).
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec turbo "$@"
