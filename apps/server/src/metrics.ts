/** Prometheus text-format counters for the API server; no library, a handful of series. */
export class Metrics {
  private readonly requests = new Map<string, number>();
  inFlight = 0;
  private readonly startedAt = Date.now();

  record(route: string, status: number): void {
    const key = `route="${route}",status="${Math.floor(status / 100)}xx"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  render(): string {
    const memory = process.memoryUsage();
    const lines = [
      "# HELP tesseract_http_requests_total HTTP requests answered, by route and status class.",
      "# TYPE tesseract_http_requests_total counter",
      ...[...this.requests].map(
        ([labels, count]) => `tesseract_http_requests_total{${labels}} ${count}`,
      ),
      "# HELP tesseract_http_requests_in_flight Requests being handled now.",
      "# TYPE tesseract_http_requests_in_flight gauge",
      `tesseract_http_requests_in_flight ${this.inFlight}`,
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
