// The sync server's figures for /api/metrics (integration: test/integration/metrics.test.ts).
import { describe, expect, it } from "vitest";
import { getMetrics } from "../../metrics/metrics";
import { countingWriteErrors } from "./MetricsExtension";

const value = async (kind: string) => (await getMetrics().writeErrors.get()).values.find((entry) => entry.labels.kind === kind)?.value ?? 0;

describe("countingWriteErrors", () => {
  it("counts failed log writes and compactions, and still logs every error", async () => {
    const logged: string[] = [];
    const logger = countingWriteErrors({ info: () => {}, error: (message: string, _fields?: Record<string, unknown>) => logged.push(message) });
    const before = [await value("update_log"), await value("compaction")];
    logger.error("update log write failed; will retry", { documentId: "d" });
    logger.error("update log write failed; will retry", { documentId: "d" });
    logger.error("compaction failed", { documentId: "d" });
    logger.error("something else");
    expect([(await value("update_log")) - before[0]!, (await value("compaction")) - before[1]!]).toEqual([2, 1]);
    expect(logged).toHaveLength(4);
  });
});
