import { provinceDayOf } from "@lamplight/regions";
import type { ApiKeyUsageCountInput } from "./api-key-usage.inputs.js";
import type { ApiKeyUsageRepository } from "./api-key-usage.repository.js";
import type { ApiKeyUsage } from "./api-key-usage.type.js";

/** Partner keys' usage, as the gateway counts it: kept per key, day of the province and operation. */
export class ApiKeyUsageService {
  constructor(private readonly usage: ApiKeyUsageRepository) {}

  /**
   * Adds one flush of the gateway's counts. Counts are added, never set: several gateway replicas
   * each flush their own. An hour lies within one day of the province (UTC+8 is whole hours).
   */
  async record(counts: readonly ApiKeyUsageCountInput[]): Promise<number> {
    const rows = new Map<string, ApiKeyUsage>();
    for (const count of counts) {
      const day = provinceDayOf(count.hour);
      const operation = count.operation ?? "";
      const key = JSON.stringify([count.keyId, day.getTime(), operation]);
      const row = rows.get(key) ?? {
        keyId: count.keyId,
        day,
        operation,
        requests: 0,
        errors: 0,
        rateLimited: 0,
      };
      row.requests += count.requests;
      row.errors += count.errors;
      row.rateLimited += count.rateLimited;
      rows.set(key, row);
    }
    await this.usage.add([...rows.values()]);
    return counts.length;
  }
}
