-- wrk script: GET /actuator/health (public), the baseline of the HTTP stack without scoring or the database.
function done(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rps=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
