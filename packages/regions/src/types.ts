export type RegionLevel = "PROVINCE" | "CITY" | "COUNTY";

export interface RegionRecord {
  /** Six-digit GB/T 2260 administrative division code. */
  readonly code: string;
  readonly name: string;
  readonly pinyin: string;
  readonly level: RegionLevel;
  /** Code of the enclosing region; null only for the province. */
  readonly parent: string | null;
  /** Approximate resident population in thousands. */
  readonly population: number;
}
