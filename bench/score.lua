-- wrk script: POST /api/v1/scores with a school-age case of 15 items (the demo model gives it a reliable
-- estimate, so band moves are computed) and the demo caseworker token.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer demo-caseworker"
wrk.body = [[{"childRef":"C-2024-000123","purpose":"screening","items":{"age_years":9,"household_size":3,"single_parent":true,"moves_last_3_years":1,"public_assistance":false,"child_rearing_allowance":true,"vaccinations_missed":0,"absence_days_term":12,"school_expense_aid":true,"lunch_fee_arrears_months":3,"prior_consultations":1,"prior_abuse_reports":0,"prior_temporary_protection":false,"infant_checkups_missed":"not_applicable","dv_consultation":"unknown"}}]]

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rps=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d non2xx_by_thread_not_counted\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
