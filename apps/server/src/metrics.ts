/** Prometheus text-format counters for the API server; no library, a handful of series. */
export class Metrics {
  /** Per route, counts by status class (index 1 for 1xx … 5 for 5xx). */
  private readonly requests = new Map<string, number[]>();
  inFlight = 0;
  /** Connections closed on arrival because the server was at API_MAX_CONNECTIONS. */
  droppedConnections = 0;
  /** /trpc requests that reached an adapter: answered by the lean one, or by tRPC's stock one. */
  readonly trpcAdapter = { lean: 0, stock: 0 };
  /** Start-ups where the installed @trpc/server was outside the lean adapter's tested releases. */
  trpcLeanVersionMismatches = 0;
  private readonly startedAt = Date.now();

  record(route: string, status: number): void {
    let counts = this.requests.get(route);
    if (!counts) this.requests.set(route, (counts = [0, 0, 0, 0, 0, 0]));
    const statusClass = Math.floor(status / 100);
    if (statusClass >= 1 && statusClass <= 5) counts[statusClass]!++;
  }

  render(): string {
    const memory = process.memoryUsage();
    const lines = [
      "# HELP tesseract_http_requests_total HTTP requests answered, by route and status class.",
      "# TYPE tesseract_http_requests_total counter",
      ...[...this.requests].flatMap(([route, counts]) =>
        counts.flatMap((count, statusClass) =>
          count > 0
            ? [`tesseract_http_requests_total{route="${route}",status="${statusClass}xx"} ${count}`]
            : [],
        ),
      ),
      "# HELP tesseract_http_requests_in_flight Requests being handled now.",
      "# TYPE tesseract_http_requests_in_flight gauge",
      `tesseract_http_requests_in_flight ${this.inFlight}`,
      "# HELP tesseract_http_connections_dropped_total Connections closed on arrival at the connection cap.",
      "# TYPE tesseract_http_connections_dropped_total counter",
      `tesseract_http_connections_dropped_total ${this.droppedConnections}`,
      "# HELP tesseract_trpc_requests_total tRPC requests, by the adapter that answered them.",
      "# TYPE tesseract_trpc_requests_total counter",
      `tesseract_trpc_requests_total{adapter="lean"} ${this.trpcAdapter.lean}`,
      `tesseract_trpc_requests_total{adapter="stock"} ${this.trpcAdapter.stock}`,
      "# HELP tesseract_trpc_lean_version_mismatch_total Lean adapters disabled at start-up by an untested @trpc/server.",
      "# TYPE tesseract_trpc_lean_version_mismatch_total counter",
      `tesseract_trpc_lean_version_mismatch_total ${this.trpcLeanVersionMismatches}`,
      "# HELP tesseract_process_uptime_seconds Seconds since the server started.",
      "# TYPE tesseract_process_uptime_seconds gauge",
      `tesseract_process_uptime_seconds ${Math.floor((Date.now() - this.startedAt) / 1000)}`,
      "# HELP tesseract_process_resident_memory_bytes Resident set size.",
      "# TYPE tesseract_process_resident_memory_bytes gauge",
      `tesseract_process_resident_memory_bytes ${memory.rss}`,
    ];
    return `${lines.join("\n")}\n`;
  }
}
