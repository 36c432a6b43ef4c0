import { servicePrismaConfig } from "@lamplight/db-kit";
import { defineConfig } from "prisma/config";

export default defineConfig(servicePrismaConfig("campaigns", import.meta.url));
